package dev.steward.bot.cli;

import dev.steward.bot.AppserviceTokens;
import dev.steward.bot.config.ConfigLoader;
import dev.steward.bot.config.StewardConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code steward up -c FILE}, the first start as bridges' containers do it: with no configuration (neither the
 * file nor {@code STEWARD_HOMESERVER_URL}), write the example and stop; with a configuration but no tokens and no
 * registration, write the registration, say where it must go, and stop; otherwise run.
 */
final class FirstStart {
    /** Where the build puts config.example.yaml inside the jar. */
    static final String EXAMPLE = "/steward/config.example.yaml";

    /** What the first start did: one of the two preparing steps, or nothing left to prepare. */
    enum Step { WROTE_CONFIG, WROTE_REGISTRATION, READY }

    private final ConfigLoader loader;
    private final PrintStream err;

    FirstStart(ConfigLoader loader, PrintStream err) {
        this.loader = loader;
        this.err = err;
    }

    Step prepare(Path file) {
        if (Files.notExists(file) && !loader.configuredByEnvironment()) {
            writeExample(file);
            err.println("steward: wrote a configuration to " + file + ". Replace every CHANGE_ME in it (or set"
                    + " STEWARD_HOMESERVER_URL and STEWARD_HOMESERVER_SERVER_NAME instead), then start again.");
            return Step.WROTE_CONFIG;
        }
        StewardConfig config = loader.read(file);
        StewardConfig.Appservice appservice = config.appservice();
        boolean tokens = appservice.asToken().isPresent() && appservice.hsToken().isPresent();
        if (!tokens && Files.notExists(appservice.registrationFile())) {
            AppserviceTokens.writeRegistration(config);
            err.println("steward: wrote the appservice registration to " + appservice.registrationFile() + ". Give it"
                    + " to your homeserver (Synapse: list it under app_service_config_files in homeserver.yaml),"
                    + " restart the homeserver, then start Steward again.");
            return Step.WROTE_REGISTRATION;
        }
        return Step.READY;
    }

    private static void writeExample(Path file) {
        try (InputStream example = FirstStart.class.getResourceAsStream(EXAMPLE)) {
            if (example == null) {
                throw new IllegalStateException("the jar lacks " + EXAMPLE);
            }
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.copy(example, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration to " + file, e);
        }
    }
}
