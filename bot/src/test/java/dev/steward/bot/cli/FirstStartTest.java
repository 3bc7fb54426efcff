package dev.steward.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.bot.config.ConfigException;
import dev.steward.bot.config.ConfigFiles;
import dev.steward.bot.config.ConfigLoader;
import dev.steward.homeserver.registration.Registration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward up}: the two preparing steps of a first start in a container, each said and then stopped. */
class FirstStartTest {
    @TempDir
    Path data;

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();

    private FirstStart.Step up(Map<String, String> environment) {
        return new FirstStart(new ConfigLoader(environment), new PrintStream(said, true, StandardCharsets.UTF_8))
                .prepare(data.resolve("config.yaml"));
    }

    @Test
    void noConfigWritesTheExampleThenNoRegistrationWritesItThenItRuns() throws Exception {
        assertThat(up(Map.of())).isEqualTo(FirstStart.Step.WROTE_CONFIG);
        Path config = data.resolve("config.yaml");
        assertThat(config).hasContent(ConfigFiles.read(ConfigFiles.example()));
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("wrote a configuration to " + config)
                .contains("Replace every CHANGE_ME");

        assertThatThrownBy(() -> up(Map.of())).as("the example as written still holds its placeholders")
                .isInstanceOf(ConfigException.class).hasMessageContaining("CHANGE_ME");

        Files.writeString(config, Files.readString(config).replace("CHANGE_ME", "matrix"));
        assertThat(up(Map.of())).isEqualTo(FirstStart.Step.WROTE_REGISTRATION);
        Path registration = data.resolve("data/registration.yaml");
        String asToken = Registration.read(registration).asToken();
        assertThat(asToken).isNotBlank();
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("wrote the appservice registration to "
                + registration).contains("app_service_config_files");

        assertThat(up(Map.of())).isEqualTo(FirstStart.Step.READY);
        assertThat(Registration.read(registration).asToken()).as("the tokens are kept").isEqualTo(asToken);
    }

    @Test
    void anEnvironmentThatConfiguresStewardNeedsNoFileOnlyTheRegistration() {
        Map<String, String> environment = Map.of("STEWARD_HOMESERVER_URL", "http://synapse:8008",
                "STEWARD_HOMESERVER_SERVER_NAME", "family.example", "STEWARD_DATA_DIR", data.toString());

        assertThat(up(environment)).isEqualTo(FirstStart.Step.WROTE_REGISTRATION);
        assertThat(data.resolve("config.yaml")).doesNotExist();
        assertThat(data.resolve("registration.yaml")).exists();
        assertThat(up(environment)).isEqualTo(FirstStart.Step.READY);
    }

    @Test
    void tokensFromTheEnvironmentNeedNoRegistrationStep() {
        Map<String, String> environment = Map.of("STEWARD_HOMESERVER_URL", "http://synapse:8008",
                "STEWARD_HOMESERVER_SERVER_NAME", "family.example", "STEWARD_DATA_DIR", data.toString(),
                "STEWARD_AS_TOKEN", "as-secret", "STEWARD_HS_TOKEN", "hs-secret");

        assertThat(up(environment)).isEqualTo(FirstStart.Step.READY);
    }
}
