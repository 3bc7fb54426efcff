package dev.steward.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every key can be set by an environment variable (containers), typed as in the file, and wins over the file. */
class EnvironmentConfigTest {
    @TempDir
    Path folder;

    @Test
    void aContainerIsConfiguredByItsEnvironmentAloneWithoutAFile() {
        Map<String, String> environment = Map.of(
                "STEWARD_HOMESERVER_URL", "http://synapse:8008",
                "STEWARD_HOMESERVER_SERVER_NAME", "family.example",
                "STEWARD_APPSERVICE_BIND_ADDRESS", "0.0.0.0",
                "STEWARD_APPSERVICE_PORT", "9100",
                "STEWARD_APPSERVICE_URL", "http://steward:9100",
                "STEWARD_DATA_DIR", "/data",
                "STEWARD_INVITES_ALLOW", "[\"@*:family.example\", \"@guest:other.example\"]",
                "STEWARD_PIPELINE_PAUSED", "true",
                "STEWARD_MODELS", "[{name: local, provider: ollama, model_id: llama3.2, base_url: \"http://ollama:11434\","
                        + " local: true}]");

        StewardConfig config = new ConfigLoader(environment).read(folder.resolve("absent.yaml"));

        assertThat(config.homeserver().url()).isEqualTo("http://synapse:8008");
        assertThat(config.homeserver().serverName().value()).isEqualTo("family.example");
        assertThat(config.appservice().bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.appservice().port()).isEqualTo(9100);
        assertThat(config.appservice().publicUrl()).isEqualTo("http://steward:9100");
        assertThat(config.dataDir()).isEqualTo(Path.of("/data"));
        assertThat(config.appservice().registrationFile()).isEqualTo(Path.of("/data/registration.yaml"));
        assertThat(config.invites().allow()).containsExactly("@*:family.example", "@guest:other.example");
        assertThat(config.pipeline().paused()).isTrue();
        assertThat(config.models().entries()).singleElement().satisfies(model -> {
            assertThat(model.name()).isEqualTo("local");
            assertThat(model.local()).isTrue();
        });
    }

    @Test
    void aVariableWinsOverTheFile() {
        Path file = ConfigFiles.write(folder, ConfigFiles.VALID);

        StewardConfig config = new ConfigLoader(Map.of("STEWARD_BOT_DISPLAY_NAME", "Hausmeister",
                "STEWARD_APPSERVICE_AS_TOKEN", "from-the-environment")).read(file);

        assertThat(config.bot().displayName()).isEqualTo("Hausmeister");
        assertThat(config.bot().localpart()).as("the file's other keys stay").isEqualTo("steward");
        assertThat(config.appservice().asToken()).contains("from-the-environment");
    }

    @Test
    void aWrongValueNamesItsVariable() {
        Path file = ConfigFiles.write(folder, ConfigFiles.VALID);

        var problems = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(Map.of(
                "STEWARD_APPSERVICE_PORT", "ninety", "STEWARD_INVITES_ALLOW", "[unclosed")).read(file)).problems();

        assertThat(problems).anyMatch(problem -> problem.startsWith(
                "appservice.port (from STEWARD_APPSERVICE_PORT) must be a whole number from 1 to 65535"));
        assertThat(problems).anyMatch(problem -> problem.startsWith("STEWARD_INVITES_ALLOW is not a valid YAML list"));
    }

    @Test
    void withoutTheHomeserverVariableAMissingFileIsAnError() {
        var problems = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(Map.of("STEWARD_APPSERVICE_PORT", "9100")).read(folder.resolve("absent.yaml")))
                .problems();

        assertThat(problems).singleElement().asString().startsWith("cannot be read");
    }
}
