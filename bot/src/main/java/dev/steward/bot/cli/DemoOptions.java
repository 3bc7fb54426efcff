package dev.steward.bot.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code steward demo [--data DIR] [--synapse-port N] [--port N] [--model-url URL] [--model NAME]
 * [--ollama-url URL] [--reset]}.
 */
public record DemoOptions(Path dataDir, int synapsePort, int stewardPort, Optional<String> modelUrl,
        Optional<String> modelName, String ollamaUrl, boolean reset) {
    public static final String OLLAMA_URL = "http://127.0.0.1:11434";

    /** The defaults but for the folder and ports (tests). */
    public DemoOptions(Path dataDir, int synapsePort, int stewardPort) {
        this(dataDir, synapsePort, stewardPort, Optional.empty(), Optional.empty(), OLLAMA_URL, false);
    }

    public DemoOptions withModel(String url, String name) {
        return new DemoOptions(dataDir, synapsePort, stewardPort, Optional.ofNullable(url), Optional.ofNullable(name),
                ollamaUrl, reset);
    }

    public DemoOptions withOllamaUrl(String url) {
        return new DemoOptions(dataDir, synapsePort, stewardPort, modelUrl, modelName, url, reset);
    }

    static DemoOptions parse(String[] args) {
        Path data = defaultDataDir();
        int synapsePort = 8008;
        int stewardPort = 9000;
        Optional<String> modelUrl = Optional.empty();
        Optional<String> modelName = Optional.empty();
        String ollamaUrl = OLLAMA_URL;
        boolean reset = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(required(args[i], value));
                case "--synapse-port" -> synapsePort = port(args[i], value);
                case "--port" -> stewardPort = port(args[i], value);
                case "--model-url" -> modelUrl = Optional.of(url(args[i], value));
                case "--model" -> modelName = Optional.of(required(args[i], value));
                case "--ollama-url" -> ollamaUrl = url(args[i], value);
                case "--reset" -> {
                    reset = true;
                    continue;
                }
                default -> throw new Cli.UsageException("demo does not know the option '" + args[i] + "'");
            }
            i++;
        }
        return new DemoOptions(data.toAbsolutePath(), synapsePort, stewardPort, modelUrl, modelName, ollamaUrl, reset);
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

    private static String url(String option, String value) {
        String url = required(option, value);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new Cli.UsageException(option + " needs an http(s) URL, got '" + url + "'");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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
