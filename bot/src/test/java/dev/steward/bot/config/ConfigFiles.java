package dev.steward.bot.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configuration files for tests: a small valid one, and the repository's own {@code config.example.yaml}. */
public final class ConfigFiles {
    /** A complete, valid configuration without tokens; tests change one line of it at a time. */
    public static final String VALID = """
            data_dir: state
            homeserver:
              url: http://matrix.example.org:8008
              server_name: example.org
            appservice:
              id: steward-test
              bind_address: 0.0.0.0
              port: 9100
              url: http://steward.internal:9100
            bot:
              localpart: steward
              display_name: Stewie
              command_prefix: "?"
            invites:
              allow:
                - "@*:example.org"
            pipeline:
              paused: false
              max_attempts: 3
            """;

    private ConfigFiles() {}

    /** A file with six mistakes, one in each section, each with its key path in the error. */
    public static final String BROKEN = """
            homeserver:
              url: ftp://x
            appservice:
              port: abc
            bot:
              nmae: Steward
            invites:
              allow: [bob]
            pipeline:
              paused: "maybe"
            """;

    /** Writes {@code yaml} to {@code config.yaml} in {@code folder}. */
    public static Path write(Path folder, String yaml) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve("config.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The repository's {@code config.example.yaml}, found by walking up from the working directory (a module folder
     * when Maven runs the tests), so the test reads the very file people copy.
     */
    public static Path example() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path example = folder.resolve("config.example.yaml");
            if (Files.isRegularFile(example)) {
                return example;
            }
        }
        throw new IllegalStateException("config.example.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
