package dev.steward.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.bot.config.ConfigException;
import dev.steward.bot.config.ConfigFiles;
import dev.steward.bot.config.ConfigLoader;
import dev.steward.bot.config.StewardConfig;
import dev.steward.homeserver.registration.Registration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code steward run} gets its tokens: the configuration, else the registration it wrote. */
class AppserviceTokensTest {
    @TempDir
    Path folder;

    private StewardConfig config(String yaml) {
        return new ConfigLoader(Map.of()).read(ConfigFiles.write(folder, yaml));
    }

    private StewardConfig withTokens(String asToken, String hsToken) {
        return config(ConfigFiles.VALID.replace("  id: steward-test",
                "  id: steward-test\n  as_token: " + asToken + "\n  hs_token: " + hsToken));
    }

    @Test
    void withoutTokensOrRegistrationItSaysToRunRegistration() {
        StewardConfig config = config(ConfigFiles.VALID);

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> AppserviceTokens.resolve(config));

        assertThat(error.problems()).singleElement().asString()
                .contains("appservice.as_token and appservice.hs_token are not set")
                .contains("STEWARD_AS_TOKEN", "STEWARD_HS_TOKEN")
                .contains("no registration at " + folder.resolve("state/registration.yaml"))
                .endsWith("run 'steward registration -c <config>' first and give its output to the homeserver");
    }

    @Test
    void readsTheTokensFromTheRegistrationFile() {
        StewardConfig config = config(ConfigFiles.VALID);
        Registration written = AppserviceTokens.writeRegistration(config);

        AppserviceTokens tokens = AppserviceTokens.resolve(config);

        assertThat(tokens).isEqualTo(new AppserviceTokens(written.asToken(), written.hsToken()));
        assertThat(Registration.read(config.appservice().registrationFile())).isEqualTo(written);
    }

    @Test
    void readsARegistrationFileWrittenByHand() throws Exception {
        StewardConfig config = config(ConfigFiles.VALID);
        Path file = config.appservice().registrationFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                id: steward-test
                url: http://steward.internal:9100
                as_token: hand-as
                hs_token: hand-hs
                sender_localpart: steward
                rate_limited: false
                namespaces:
                  users:
                    - exclusive: true
                      regex: "@steward(_[^:]+)?:example\\\\.org$"
                """);

        assertThat(AppserviceTokens.resolve(config)).isEqualTo(new AppserviceTokens("hand-as", "hand-hs"));
    }

    @Test
    void tokensInTheConfigurationWinOverTheRegistrationFile() {
        AppserviceTokens.writeRegistration(config(ConfigFiles.VALID));

        AppserviceTokens tokens = AppserviceTokens.resolve(withTokens("config-as", "config-hs"));

        assertThat(tokens).isEqualTo(new AppserviceTokens("config-as", "config-hs"));
    }

    @Test
    void tokensInTheConfigurationNeedNoRegistrationFile() {
        StewardConfig config = withTokens("config-as", "config-hs");

        assertThat(AppserviceTokens.resolve(config)).isEqualTo(new AppserviceTokens("config-as", "config-hs"));
        assertThat(config.appservice().registrationFile()).doesNotExist();
    }
}
