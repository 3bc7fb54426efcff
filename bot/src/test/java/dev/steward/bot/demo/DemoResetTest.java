package dev.steward.bot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward demo --reset}: the demo's own folder starts over; a folder the demo did not make is left alone. */
class DemoResetTest {
    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Demo demo = new Demo(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8), Map.of());

    @Test
    void theDemosFolderIsEmptied() throws Exception {
        Files.writeString(data.resolve("config.yaml"), DemoConfig.FIRST_LINE + " edit freely\n");
        Files.writeString(data.resolve("registration.yaml"), "id: steward\n");
        Files.createDirectories(data.resolve("memory-index"));
        Files.writeString(data.resolve("memory-index/segments_1"), "x");

        demo.reset(data);

        try (var left = Files.list(data)) {
            assertThat(left).isEmpty();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Starting over: emptied " + data);
    }

    @Test
    void aFolderTheDemoDidNotMakeIsLeftAlone() throws Exception {
        Files.writeString(data.resolve("config.yaml"), "data_dir: .\n");
        Files.writeString(data.resolve("steward.mv.db"), "precious");

        assertThatThrownBy(() -> demo.reset(data)).hasMessageContaining("was not made by the demo");

        assertThat(data.resolve("steward.mv.db")).hasContent("precious");
    }
}
