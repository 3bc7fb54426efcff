package dev.steward.bot.cli;

import java.nio.file.Path;

/** {@code steward demo [--data DIR] [--synapse-port N] [--port N]}. */
public record DemoOptions(Path dataDir, int synapsePort, int stewardPort) {
    static DemoOptions parse(String[] args) {
        Path data = defaultDataDir();
        int synapsePort = 8008;
        int stewardPort = 9000;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(required(args[i], value));
                case "--synapse-port" -> synapsePort = port(args[i], value);
                case "--port" -> stewardPort = port(args[i], value);
                default -> throw new Cli.UsageException("demo does not know the option '" + args[i] + "'");
            }
            i++;
        }
        return new DemoOptions(data.toAbsolutePath(), synapsePort, stewardPort);
    }

    private static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("steward-demo");
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new Cli.UsageException(option + " needs a value");
        }
        return value;
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(required(option, value));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(option + " needs a port from 1 to 65535, got '" + value + "'");
        }
    }
}
