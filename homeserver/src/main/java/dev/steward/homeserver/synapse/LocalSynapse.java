package dev.steward.homeserver.synapse;

import dev.steward.homeserver.id.ServerName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Synapse started by {@code homeserver/synapse/synapse.sh}: an external one when {@code STEWARD_SYNAPSE_URL} is
 * set, otherwise a local one (Docker, or the Debian package in a cached chroot). Blocking: call it from a worker.
 */
public record LocalSynapse(Path script, String name, String url, String sharedSecret, ServerName serverName) {
    private static final String SCRIPT = "homeserver/synapse/synapse.sh";

    /** Starts one and waits until its client API answers. */
    public static LocalSynapse start(Path script, String name, int port, ServerName serverName, List<Path> appservices)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "start", "--name", name,
                "--port", Integer.toString(port), "--server-name", serverName.value()));
        for (Path registration : appservices) {
            command.add("--appservice");
            command.add(registration.toAbsolutePath().toString());
        }
        Map<String, String> values = parse(run(command, 15));
        return new LocalSynapse(script, name, values.get("url"), values.get("shared_secret"),
                ServerName.of(values.getOrDefault("server_name", serverName.value())));
    }

    /** Stops it by its own PID (an external Synapse is left alone). */
    public void stop() throws IOException, InterruptedException {
        run(List.of("bash", script.toString(), "stop", "--name", name), 1);
    }

    /**
     * Finds the script: {@code STEWARD_HOME} (set by the {@code steward} launcher), else the nearest folder above the
     * working directory that holds it (tests run inside a module).
     */
    public static Path findScript() {
        String home = System.getenv("STEWARD_HOME");
        if (home != null && Files.isRegularFile(Path.of(home, SCRIPT))) {
            return Path.of(home, SCRIPT);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SCRIPT))) {
                return dir.resolve(SCRIPT);
            }
        }
        throw new IllegalStateException("cannot find " + SCRIPT + ": run from Steward's folder or set STEWARD_HOME");
    }

    private static String run(List<String> command, int timeoutMinutes) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + timeoutMinutes + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue());
        }
        return output;
    }

    private static Map<String, String> parse(String output) {
        Map<String, String> values = new HashMap<>();
        output.lines().filter(line -> line.contains("=")).forEach(line -> {
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        });
        if (!values.containsKey("url") || !values.containsKey("shared_secret")) {
            throw new IllegalStateException("synapse.sh did not say where Synapse runs: " + output);
        }
        return values;
    }
}
