package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.testing.TestHomeserver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./steward demo} as a newcomer starts it, through the launcher and the shipped jar in a process of its own:
 * the console shows the demo's own lines and no warning from the libraries (GPU probing, native access, the
 * incubator, a duplicate gauge); stopping it says so.
 */
class QuietDemoIT {
    private static final List<String> NOISE = List.of("WARN", "WARNING", "[warning]", "CUDA", "incubator", "native-access",
            "already registered", "Exception");

    @Test
    void theDemoStartsQuietlyAndSaysWhenItStops(@TempDir Path data) throws Exception {
        Path console = data.resolve("console.txt");
        ProcessBuilder builder = new ProcessBuilder("bash", launcher().toString(), "demo", "--data",
                data.resolve("demo").toString(), "--synapse-port", Integer.toString(TestHomeserver.freePort()),
                "--port", Integer.toString(TestHomeserver.freePort()),
                "--ollama-url", "http://127.0.0.1:" + TestHomeserver.freePort())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.endsWith("_API_KEY") || key.startsWith("STEWARD_DEMO"));
        Process demo = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.readString(console).contains("Press Ctrl-C") && demo.isAlive()
                    && System.nanoTime() < deadline) {
                demo.waitFor(200, TimeUnit.MILLISECONDS);
            }
            assertThat(Files.readString(console)).as("the demo's console").contains("Steward demo is running.");
        } finally {
            demo.destroy();
            demo.waitFor(60, TimeUnit.SECONDS);
            demo.destroyForcibly();
        }
        String text = Files.readString(console, StandardCharsets.UTF_8);
        assertThat(text.lines()).as("the console:\n%s", text)
                .noneMatch(line -> NOISE.stream().anyMatch(line::contains));
        assertThat(text).contains("Stopping Steward and Synapse...", "Stopped: Steward and Synapse are no longer running");
        assertThat(data.resolve("demo/steward.log")).as("the whole log is kept in the data folder")
                .content().contains("listening on 127.0.0.1");
    }

    private static Path launcher() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("steward")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.resolve("steward");
            }
        }
        throw new IllegalStateException("the steward launcher is not above " + Path.of("").toAbsolutePath());
    }
}
