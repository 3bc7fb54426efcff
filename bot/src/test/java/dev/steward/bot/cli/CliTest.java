package dev.steward.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.steward.bot.Version;
import dev.steward.bot.config.ConfigFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an operator uses it: what it prints, what it writes and its exit code. */
class CliTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int steward(String... args) {
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return new Cli(o, e).run(args);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path config(String yaml) {
        return ConfigFiles.write(folder, yaml);
    }

    private Path withTokens(String asToken, String hsToken) {
        return config(ConfigFiles.VALID.replace("  id: steward-test",
                "  id: steward-test\n  as_token: " + asToken + "\n  hs_token: " + hsToken));
    }

    @Test
    void helpListsTheCommands() {
        assertThat(steward("--help")).isZero();

        assertThat(out()).contains("Usage: steward <command> [options]", "run -c FILE", "registration -c FILE",
                "check-config -c FILE", "demo [--data DIR]", "--version");
        assertThat(err()).isEmpty();
    }

    @Test
    void noArgumentsPrintsTheHelpAndFails() {
        assertThat(steward()).isEqualTo(2);

        assertThat(out()).contains("Usage: steward <command> [options]");
    }

    @Test
    void versionPrintsTheVersion() {
        assertThat(steward("--version")).isZero();

        assertThat(out()).isEqualTo("Steward " + Version.get() + System.lineSeparator());
    }

    @Test
    void anUnknownCommandIsNamedWithAPointerToHelp() {
        assertThat(steward("frobnicate", "-c", "x.yaml")).isEqualTo(2);

        assertThat(err()).isEqualTo("steward: unknown command 'frobnicate'\nRun 'steward --help' for the commands."
                + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void aCommandWithoutItsConfigurationSaysWhatIsMissing() {
        assertThat(steward("check-config")).isEqualTo(2);
        assertThat(err()).startsWith("steward: a configuration file is needed: -c FILE\n");

        err.reset();
        assertThat(steward("registration", "--conf", "x.yaml")).isEqualTo(2);
        assertThat(err()).startsWith("steward: this command takes -c FILE, got: --conf x.yaml\n");
    }

    @Test
    void checkConfigSaysAValidFileIsValidAndWhatItMeans() {
        Path file = config(ConfigFiles.VALID);

        assertThat(steward("check-config", "-c", file.toString())).isZero();

        assertThat(out()).startsWith(file + " is valid.")
                .contains("@steward:example.org (\"Stewie\")", "http://matrix.example.org:8008",
                        "0.0.0.0:9100, reached by the homeserver at http://steward.internal:9100",
                        "no tokens yet: run 'steward registration -c " + file + "' before 'run'.");
        assertThat(err()).isEmpty();
    }

    @Test
    void checkConfigWithTokensHasNothingLeftToDo() {
        Path file = withTokens("as-secret-1", "hs-secret-2");

        assertThat(steward("check-config", "--config", file.toString())).isZero();

        assertThat(out()).contains("is valid.").doesNotContain("no tokens yet")
                .doesNotContain("as-secret-1").doesNotContain("hs-secret-2");
    }

    @Test
    void checkConfigNamesEveryBadKey() {
        Path file = config(ConfigFiles.BROKEN);

        assertThat(steward("check-config", "-c", file.toString())).isEqualTo(1);

        assertThat(err()).startsWith(file + " has 6 problems:").contains(
                "  - homeserver.url must be an http(s) URL, got 'ftp://x'",
                "  - homeserver.server_name is required",
                "  - appservice.port must be a whole number from 1 to 65535, got \"abc\"",
                "  - bot.nmae is not a known setting",
                "  - invites.allow[0] must be a Matrix user id or a glob such as @*:example.org, got 'bob'",
                "  - pipeline.paused must be true or false, got \"maybe\"");
        assertThat(out()).isEmpty();
    }

    @Test
    void checkConfigRefusesALocalModelThatIsHostedOrAtAPublicAddress() {
        Path file = config(ConfigFiles.VALID + """
                models:
                  - {name: claude, provider: anthropic, model_id: claude-x, local: true}
                  - {name: rented, provider: openai, model_id: llama, base_url: "https://llm.example.com/v1", local: true}
                  - {name: gemini, provider: gemini, model_id: gemini-x, local: true, trusted_remote: true}
                  - {name: home, provider: openai, model_id: llama, base_url: "http://192.168.1.20:8080/v1", local: true}
                  - {name: vpn, provider: ollama, model_id: llama, base_url: "http://203.0.113.9:11434", local: true,
                     trusted_remote: true}
                """);

        assertThat(steward("check-config", "-c", file.toString())).isEqualTo(1);

        assertThat(err()).startsWith(file + " has 3 problems:").contains(
                "  - models[0].local: true is refused: anthropic is a hosted provider, whose models never run on"
                        + " your machines",
                "  - models[1].local: true needs a server on this machine or your private network, and"
                        + " llm.example.com is neither (loopback, private addresses and names such as ollama or"
                        + " llm.local are); set models[1].trusted_remote: true if that server is yours",
                "  - models[2].local: true is refused: gemini is a hosted provider");
    }

    @Test
    void checkConfigOfAMissingFileFails() {
        Path missing = folder.resolve("missing.yaml");

        assertThat(steward("check-config", "-c", missing.toString())).isEqualTo(1);

        assertThat(err()).startsWith(missing + " has 1 problem:\n  - cannot be read: ");
    }

    @Test
    void registrationPrintsWhatTheHomeserverNeedsAndWritesIt() throws Exception {
        Path file = config(ConfigFiles.VALID);
        Path written = folder.resolve("state/registration.yaml");

        assertThat(steward("registration", "-c", file.toString())).isZero();

        JsonNode registration = YAML.readTree(out());
        assertThat(registration.path("id").asText()).isEqualTo("steward-test");
        assertThat(registration.path("url").asText()).isEqualTo("http://steward.internal:9100");
        assertThat(registration.path("sender_localpart").asText()).isEqualTo("steward");
        assertThat(registration.path("rate_limited").isBoolean()).isTrue();
        assertThat(registration.path("rate_limited").asBoolean()).isFalse();
        String asToken = registration.path("as_token").asText();
        String hsToken = registration.path("hs_token").asText();
        assertThat(asToken).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(hsToken);
        assertThat(hsToken).hasSizeGreaterThanOrEqualTo(32);

        JsonNode users = registration.path("namespaces").path("users");
        assertThat(users).hasSize(1);
        assertThat(users.get(0).path("exclusive").asBoolean()).isTrue();
        Pattern namespace = Pattern.compile(users.get(0).path("regex").asText());
        assertThat(namespace.matcher("@steward:example.org").matches()).isTrue();
        assertThat(namespace.matcher("@steward_deploy:example.org").matches()).isTrue();
        assertThat(namespace.matcher("@alice:example.org").matches()).isFalse();
        assertThat(namespace.matcher("@steward:example.org.evil").matches()).isFalse();

        assertThat(Files.readString(written)).isEqualTo(out());
        assertThat(err()).contains("Wrote " + written, "app_service_config_files");
        if (Files.getFileAttributeView(written, PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        }
    }

    @Test
    void runningRegistrationAgainKeepsTheTokens() throws Exception {
        Path file = config(ConfigFiles.VALID);
        assertThat(steward("registration", "-c", file.toString())).isZero();
        JsonNode first = YAML.readTree(out());
        out.reset();

        assertThat(steward("registration", "-c", file.toString())).isZero();

        JsonNode second = YAML.readTree(out());
        assertThat(second.path("as_token")).isEqualTo(first.path("as_token"));
        assertThat(second.path("hs_token")).isEqualTo(first.path("hs_token"));
    }

    @Test
    void tokensSetInTheConfigurationAreUsedAsGiven() throws Exception {
        Path file = withTokens("as-from-config", "hs-from-config");

        assertThat(steward("registration", "-c", file.toString())).isZero();

        JsonNode registration = YAML.readTree(out());
        assertThat(registration.path("as_token").asText()).isEqualTo("as-from-config");
        assertThat(registration.path("hs_token").asText()).isEqualTo("hs-from-config");
    }

    @Test
    void registrationOfABrokenConfigurationWritesNothing() {
        Path file = config(ConfigFiles.VALID.replace("port: 9100", "port: abc"));

        assertThat(steward("registration", "-c", file.toString())).isEqualTo(1);

        assertThat(err()).contains("appservice.port must be a whole number");
        assertThat(out()).isEmpty();
        assertThat(folder.resolve("state/registration.yaml")).doesNotExist();
    }
}
