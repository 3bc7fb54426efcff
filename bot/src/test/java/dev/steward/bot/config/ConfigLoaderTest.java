package dev.steward.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import dev.steward.safety.policy.MemberRoles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading {@code config.yaml}: the shipped example, every mistake named by its key, secrets and paths. */
class ConfigLoaderTest {
    private static final ConfigLoader NO_ENVIRONMENT = new ConfigLoader(Map.of());

    @TempDir
    Path folder;

    private static List<String> problems(ConfigLoader loader, Path file) {
        return catchThrowableOfType(ConfigException.class, () -> loader.read(file)).problems();
    }

    private List<String> problemsOf(String yaml) {
        return problems(NO_ENVIRONMENT, ConfigFiles.write(folder, yaml));
    }

    @Test
    void theExampleAsShippedIsRefusedAtEveryPlaceholder() {
        List<String> problems = problems(NO_ENVIRONMENT, ConfigFiles.example());

        List<String> placeholderKeys = List.of("homeserver.url", "homeserver.server_name", "invites.allow[0]",
                "safety.members.@parent:CHANGE_ME.example.org", "safety.members.@kid:CHANGE_ME.example.org");
        assertThat(problems).hasSize(placeholderKeys.size()).allSatisfy(problem -> assertThat(placeholderKeys)
                .as("the key named by '%s'", problem).anyMatch(problem::startsWith));
        for (String key : placeholderKeys) {
            assertThat(problems).as("problems naming %s", key)
                    .anyMatch(problem -> problem.startsWith(key + " still holds the example's placeholder CHANGE_ME"));
        }
    }

    @Test
    void theExampleWithRealValuesLoadsAsTheFileSays() throws Exception {
        String text = ConfigFiles.read(ConfigFiles.example()).replace("CHANGE_ME", "matrix");
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(text);

        StewardConfig config = NO_ENVIRONMENT.read(ConfigFiles.write(folder, text));

        assertThat(config.dataDir()).isEqualTo(folder.resolve(file.at("/data_dir").asText()));
        assertThat(config.homeserver().url()).isEqualTo(file.at("/homeserver/url").asText())
                .isEqualTo("http://matrix:8008");
        assertThat(config.safety().timeZone().getId()).isEqualTo(file.at("/safety/time_zone").asText());
        assertThat(config.safety().members()).extracting(MemberRoles.Assignment::role)
                .containsExactly("admin", "child");
        assertThat(config.safety().roles().names()).containsExactly("admin", "adult", "child", "guest", "oncall");
        assertThat(config.homeserver().serverName().value()).isEqualTo(file.at("/homeserver/server_name").asText());
        StewardConfig.Appservice appservice = config.appservice();
        assertThat(appservice.id()).isEqualTo(file.at("/appservice/id").asText());
        assertThat(appservice.bindAddress()).isEqualTo(file.at("/appservice/bind_address").asText());
        assertThat(appservice.port()).isEqualTo(file.at("/appservice/port").asInt()).isEqualTo(9000);
        assertThat(appservice.publicUrl()).isEqualTo(file.at("/appservice/url").asText());
        assertThat(appservice.asToken()).isEmpty();
        assertThat(appservice.hsToken()).isEmpty();
        assertThat(appservice.registrationFile())
                .isEqualTo(folder.resolve(file.at("/appservice/registration_file").asText()));
        assertThat(appservice.maxBodyBytes()).isEqualTo(file.at("/appservice/max_body_bytes").asLong());
        assertThat(config.bot().localpart()).isEqualTo(file.at("/bot/localpart").asText());
        assertThat(config.bot().displayName()).isEqualTo(file.at("/bot/display_name").asText());
        assertThat(config.bot().commandPrefix()).isEqualTo(file.at("/bot/command_prefix").asText()).isEqualTo("!");
        assertThat(config.invites().allow()).containsExactly(file.at("/invites/allow/0").asText());
        assertThat(config.pipeline().paused()).isEqualTo(file.at("/pipeline/paused").asBoolean());
        assertThat(config.pipeline().maxAttempts()).isEqualTo(file.at("/pipeline/max_attempts").asInt());
        assertThat(config.botUserId().value()).isEqualTo("@steward:matrix.example.org");
    }

    @Test
    void theSmallValidConfigurationLoads() {
        StewardConfig config = NO_ENVIRONMENT.read(ConfigFiles.write(folder, ConfigFiles.VALID));

        assertThat(config.botUserId().value()).isEqualTo("@steward:example.org");
        assertThat(config.bot().commandPrefix()).isEqualTo("?");
        assertThat(config.appservice().port()).isEqualTo(9100);
        assertThat(config.pipeline().maxAttempts()).isEqualTo(3);
    }

    private static Arguments mistake(String name, String line, String replacement, String problem) {
        if (!ConfigFiles.VALID.contains(line)) {
            throw new IllegalArgumentException("the valid configuration has no line '" + line + "'");
        }
        return argumentSet(name, ConfigFiles.VALID.replace(line, replacement), problem);
    }

    static List<Arguments> mistakes() {
        return List.of(
                mistake("port is not a number", "port: 9100", "port: abc",
                        "appservice.port must be a whole number from 1 to 65535, got \"abc\""),
                mistake("port out of range", "port: 9100", "port: 70000",
                        "appservice.port must be a whole number from 1 to 65535, got 70000"),
                mistake("homeserver url is not http", "url: http://matrix.example.org:8008", "url: ftp://x",
                        "homeserver.url must be an http(s) URL, got 'ftp://x'"),
                mistake("appservice url has no host", "url: http://steward.internal:9100", "url: http:///path",
                        "appservice.url must be an http(s) URL, got 'http:///path'"),
                mistake("a misspelt key", "display_name: Stewie", "nmae: Stewie", "bot.nmae is not a known setting"),
                mistake("an unknown section", "pipeline:", "modles: []\npipeline:", "modles is not a known setting"),
                mistake("paused is not a boolean", "paused: false", "paused: \"maybe\"",
                        "pipeline.paused must be true or false, got \"maybe\""),
                mistake("max_attempts is zero", "max_attempts: 3", "max_attempts: 0",
                        "pipeline.max_attempts must be a whole number from 1 to 100, got 0"),
                mistake("invite entry is not a user id", "- \"@*:example.org\"", "- bob",
                        "invites.allow[0] must be a Matrix user id or a glob such as @*:example.org, got 'bob'"),
                mistake("invites.allow is not a list", "  allow:\n    - \"@*:example.org\"", "  allow: \"@*:x\"",
                        "invites.allow must be a list"),
                mistake("server_name missing", "  server_name: example.org\n", "",
                        "homeserver.server_name is required"),
                mistake("server_name invalid", "server_name: example.org", "server_name: \"exa mple\"",
                        "homeserver.server_name: not a valid server name: 'exa mple'"),
                mistake("prefix with a space", "command_prefix: \"?\"", "command_prefix: \"! \"",
                        "bot.command_prefix must be non-empty and without spaces"),
                mistake("a section given as one value", "pipeline:\n  paused: false\n  max_attempts: 3\n",
                        "pipeline: true\n", "pipeline must be a section of settings, got true"),
                mistake("display name is a mapping", "display_name: Stewie", "display_name: {a: b}",
                        "bot.display_name must be a text value"),
                mistake("the same token twice", "  id: steward-test", "  id: steward-test\n  as_token: same\n"
                        + "  hs_token: same", "appservice.as_token and appservice.hs_token must differ"),
                mistake("an empty token", "  id: steward-test", "  id: steward-test\n  as_token: \"\"",
                        "appservice.as_token (or the environment variable STEWARD_AS_TOKEN) must not be empty"),
                mistake("a short store key", "pipeline:", "encryption:\n  store_key: short\npipeline:",
                        "encryption.store_key (or STEWARD_E2EE_KEY) must be at least 16 characters"),
                mistake("an unknown share rule", "pipeline:", "encryption:\n  share_with: friends\npipeline:",
                        "encryption.share_with must be all_devices or cross_signed, got 'friends'"),
                mistake("a device id with a space", "pipeline:", "encryption:\n  device_id: \"MY DEVICE\"\npipeline:",
                        "encryption.device_id must be 1 to 64 letters, digits, '_' or '-', got 'MY DEVICE'"),
                mistake("a blocked device without its id", "pipeline:",
                        "encryption:\n  blocked_devices: [\"@eve:example.org\"]\npipeline:",
                        "encryption.blocked_devices[0] must be '<user id> <device id>', got '@eve:example.org'"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void eachMistakeIsNamedByItsKey(String yaml, String problem) {
        assertThat(problemsOf(yaml)).containsExactly(problem);
    }

    @Test
    void theModerationModelMustBeAConfiguredLocalModel() {
        String models = "models:\n"
                + "  - {name: guard, provider: ollama, model_id: llama-guard3, local: true}\n"
                + "  - {name: cloud, provider: openai, model_id: gpt-4o-mini}\n";
        StewardConfig config = NO_ENVIRONMENT.read(ConfigFiles.write(folder, ConfigFiles.VALID + models
                + "safety:\n  moderation_model: guard\n  moderation_timeout_seconds: 3\n"));
        assertThat(config.safety().moderation().model()).contains("guard");
        assertThat(config.safety().moderation().timeout()).hasSeconds(3);
        assertThat(NO_ENVIRONMENT.read(ConfigFiles.write(folder, ConfigFiles.VALID)).safety().moderation().model())
                .isEmpty();

        assertThat(problemsOf(ConfigFiles.VALID + models + "safety:\n  moderation_model: cloud\n"))
                .containsExactly("safety.moderation_model 'cloud' must be a local model (local: true): it reads"
                        + " members' requests before the content filter has let them through");
        assertThat(problemsOf(ConfigFiles.VALID + models + "safety:\n  moderation_model: nope\n"))
                .containsExactly("safety.moderation_model must name one of the models, got 'nope'");
    }

    @Test
    void contentFilterTermsFromConfigAreCheckedAndUsed() {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> NO_ENVIRONMENT.read(
                ConfigFiles.write(folder, ConfigFiles.VALID + "safety:\n  content_filter:\n    extra_terms: [\"drug standard spice\"]\n")));
        assertThat(error.problems()).anySatisfy(problem ->
                assertThat(problem).startsWith("safety.content_filter.extra_terms[0]").contains("drug"));

        StewardConfig config = NO_ENVIRONMENT.read(ConfigFiles.write(folder, ConfigFiles.VALID
                + "safety:\n  content_filter:\n    extra_terms: [\"drugs standard spice\"]\n"));
        assertThat(config.safety().contentFilter()
                .check("where can I get spice", dev.steward.safety.content.FilterLevel.STANDARD).blocked()).isTrue();
    }

    @Test
    void everyMistakeOfAFileIsNamedAtOnce() {
        Path file = ConfigFiles.write(folder, ConfigFiles.BROKEN);

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> NO_ENVIRONMENT.read(file));

        List<String> keys = List.of("homeserver.url", "homeserver.server_name", "appservice.port", "bot.nmae",
                "invites.allow[0]", "pipeline.paused");
        assertThat(error.problems()).hasSize(keys.size());
        for (String key : keys) {
            assertThat(error.problems()).as("a problem naming %s", key).anyMatch(problem -> problem.startsWith(key));
        }
        assertThat(error.getMessage()).startsWith(file + " has 6 problems:\n  - ").contains(error.problems());
    }

    @Test
    void invalidYamlIsOneClearProblem() {
        Path file = ConfigFiles.write(folder, "homeserver:\n  url: [http://x\n  server_name: example.org\n");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> NO_ENVIRONMENT.read(file));

        assertThat(error.problems()).singleElement().asString().startsWith("is not valid YAML: ").doesNotContain("\n");
        assertThat(error.getMessage()).startsWith(file + " has 1 problem:");
    }

    @Test
    void aFileThatIsNotAMappingIsOneClearProblem() {
        assertThat(problemsOf("- homeserver\n- appservice\n")).containsExactly("must be a YAML mapping of settings");
    }

    @Test
    void anEmptyFileNamesTheRequiredKeys() {
        assertThat(problemsOf("")).containsExactly("homeserver.url is required", "homeserver.server_name is required");
    }

    @Test
    void aMissingFileSaysItCannotBeRead() {
        Path missing = folder.resolve("nowhere.yaml");

        assertThatThrownBy(() -> NO_ENVIRONMENT.read(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(missing + " has 1 problem:\n  - cannot be read: ");
    }

    @Test
    void encryptionIsOnOnlyWithAStoreKeyWhichTheEnvironmentMayGive() {
        Path file = ConfigFiles.write(folder, ConfigFiles.VALID);

        assertThat(NO_ENVIRONMENT.read(file).encryption().enabled()).isFalse();
        StewardConfig.Encryption fromEnvironment = new ConfigLoader(Map.of("STEWARD_E2EE_KEY",
                "a long random store key", "STEWARD_RECOVERY_KEY", "EsAb cdEf")).read(file).encryption();
        assertThat(fromEnvironment.enabled()).isTrue();
        assertThat(fromEnvironment.storeKey()).contains("a long random store key");
        assertThat(fromEnvironment.recoveryKey()).contains("EsAb cdEf");
        assertThat(fromEnvironment.deviceId()).isEqualTo("STEWARD");
        assertThat(fromEnvironment.shareWith()).isEqualTo(StewardConfig.Encryption.ShareWith.ALL_DEVICES);
        assertThat(fromEnvironment.undecryptableNotice()).hasSeconds(60);
    }

    @Test
    void environmentVariablesWinOverTheFile() {
        Path file = ConfigFiles.write(folder, ConfigFiles.VALID.replace("  id: steward-test",
                "  id: steward-test\n  as_token: file-as\n  hs_token: file-hs"));
        ConfigLoader loader = new ConfigLoader(Map.of("STEWARD_AS_TOKEN", "env-as", "STEWARD_HS_TOKEN", " env-hs\n"));

        StewardConfig.Appservice fromEnvironment = loader.read(file).appservice();
        StewardConfig.Appservice fromFile = NO_ENVIRONMENT.read(file).appservice();

        assertThat(fromEnvironment.asToken()).contains("env-as");
        assertThat(fromEnvironment.hsToken()).contains("env-hs");
        assertThat(fromFile.asToken()).contains("file-as");
        assertThat(fromFile.hsToken()).contains("file-hs");
    }

    @Test
    void aPlaceholderTokenDoesNotMatterWhenTheVariableIsSet() {
        Path file = ConfigFiles.write(folder, ConfigFiles.VALID.replace("  id: steward-test",
                "  id: steward-test\n  as_token: CHANGE_ME\n  hs_token: CHANGE_ME"));
        ConfigLoader loader = new ConfigLoader(Map.of("STEWARD_AS_TOKEN", "env-as", "STEWARD_HS_TOKEN", "env-hs"));

        assertThat(loader.read(file).appservice().asToken()).isEqualTo(Optional.of("env-as"));
        assertThat(problems(NO_ENVIRONMENT, file)).containsExactly(
                "appservice.as_token still holds the example's placeholder CHANGE_ME: set a real value",
                "appservice.hs_token still holds the example's placeholder CHANGE_ME: set a real value",
                "appservice.as_token and appservice.hs_token must differ");
    }

    @Test
    void equalTokensFromTheEnvironmentAreRefused() {
        ConfigLoader loader = new ConfigLoader(Map.of("STEWARD_AS_TOKEN", "same", "STEWARD_HS_TOKEN", "same"));

        assertThat(problems(loader, ConfigFiles.write(folder, ConfigFiles.VALID)))
                .containsExactly("appservice.as_token and appservice.hs_token must differ");
    }

    @Test
    void relativePathsAreTakenFromTheConfigFilesFolder() {
        Path configFolder = folder.resolve("etc/steward");
        Path file = ConfigFiles.write(configFolder, ConfigFiles.VALID.replace("data_dir: state", "data_dir: ./state")
                .replace("  id: steward-test", "  id: steward-test\n  registration_file: ../synapse/steward.yaml"));

        StewardConfig config = NO_ENVIRONMENT.read(file);

        assertThat(config.dataDir()).isEqualTo(configFolder.resolve("state"));
        assertThat(config.databaseFile()).isEqualTo(configFolder.resolve("state/steward"));
        assertThat(config.appservice().registrationFile()).isEqualTo(folder.resolve("etc/synapse/steward.yaml"));
    }

    @Test
    void absolutePathsAreKeptAndTheRegistrationDefaultsToTheDataFolder() {
        Path data = folder.resolve("var/lib/steward");
        Path file = ConfigFiles.write(folder.resolve("etc"), ConfigFiles.VALID.replace("data_dir: state",
                "data_dir: " + data));

        StewardConfig config = NO_ENVIRONMENT.read(file);

        assertThat(config.dataDir()).isEqualTo(data);
        assertThat(config.appservice().registrationFile()).isEqualTo(data.resolve("registration.yaml"));
    }
}
