package dev.steward.bot;

import dev.steward.bot.config.ConfigException;
import dev.steward.bot.config.ConfigLoader;
import dev.steward.bot.config.StewardConfig;
import dev.steward.homeserver.registration.Registration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The appservice tokens: from the config (or its environment variables) when set there, otherwise from the
 * registration file that {@code steward registration} wrote, so the two can never disagree.
 */
public record AppserviceTokens(String asToken, String hsToken) {

    /** The tokens to run with; fails, naming what to do, when neither the config nor a registration has them. */
    public static AppserviceTokens resolve(StewardConfig config) {
        StewardConfig.Appservice as = config.appservice();
        Path file = as.registrationFile();
        Optional<Registration> existing = Files.isReadable(file) ? Optional.of(Registration.read(file)) : Optional.empty();
        String asToken = as.asToken().or(() -> existing.map(Registration::asToken)).orElse(null);
        String hsToken = as.hsToken().or(() -> existing.map(Registration::hsToken)).orElse(null);
        if (asToken == null || hsToken == null) {
            throw new ConfigException("the configuration", List.of(
                    "appservice.as_token and appservice.hs_token are not set (nor " + ConfigLoader.AS_TOKEN_VARIABLE
                            + " / " + ConfigLoader.HS_TOKEN_VARIABLE + "), and there is no registration at " + file
                            + ": run 'steward registration -c <config>' first and give its output to the homeserver"));
        }
        return new AppserviceTokens(asToken, hsToken);
    }

    /**
     * The registration for this config: tokens from the config, else from an existing registration file, else new
     * random ones. Writes it to the configured file (readable by the owner only) and returns it.
     */
    public static Registration writeRegistration(StewardConfig config) {
        StewardConfig.Appservice as = config.appservice();
        Path file = as.registrationFile();
        Optional<Registration> existing = Files.isReadable(file) ? Optional.of(Registration.read(file)) : Optional.empty();
        Registration registration = Registration.of(as.id(), as.publicUrl(),
                as.asToken().or(() -> existing.map(Registration::asToken)).orElse(null),
                as.hsToken().or(() -> existing.map(Registration::hsToken)).orElse(null),
                config.bot().localpart(), config.homeserver().serverName());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, registration.toYaml());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the file keeps the folder's permissions.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the registration to " + file, e);
        }
        return registration;
    }
}
