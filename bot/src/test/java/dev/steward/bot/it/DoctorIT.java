package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.RunningSteward;
import dev.steward.bot.Steward;
import dev.steward.bot.cli.Cli;
import dev.steward.bot.config.ConfigLoader;
import dev.steward.bot.it.standin.ModelStandIn;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward doctor} against the real Synapse: all well, a wrong hs_token, no homeserver, a dead provider. */
@ExtendWith(SynapseExtension.class)
class DoctorIT {

    private static Doctored doctor(Path config) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = new Cli(print, print).run("doctor", "-c", config.toString());
        return new Doctored(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Doctored(int status, String output) {}

    @Test
    void aHealthySetupIsAllOk(TestHomeserver homeserver, @TempDir Path data) throws Exception {
        try (ModelStandIn model = ModelStandIn.start("llama");
                StewardHarness steward = StewardHarness.start(homeserver, data, models(model.baseUrl()))) {
            Doctored doctored = doctor(data.resolve("config.yaml"));

            assertThat(doctored.status()).as(doctored.output()).isZero();
            assertThat(doctored.output()).containsPattern("ok +homeserver +" + homeserver.url() + " answers")
                    .containsPattern("ok +as_token +the homeserver knows it")
                    .containsPattern("ok +appservice ping +the homeserver reaches Steward at")
                    .containsPattern("ok +steward +.*is ready")
                    .containsPattern("ok +model local-llama +.* lists llama")
                    .containsPattern("ok +disk +data folder")
                    .doesNotContain("FAIL");
        }
    }

    @Test
    void aWrongHsTokenIsNamedWithWhatToDo(TestHomeserver homeserver, @TempDir Path data) throws Exception {
        Path config = StewardHarness.writeConfig(homeserver, data, "");
        Files.writeString(config, Files.readString(config).replace(
                "hs_token: " + homeserver.registration().hsToken(), "hs_token: not-the-one-synapse-has"));
        RunningSteward steward = Await.result(Steward.start(new ConfigLoader(Map.of()).read(config)),
                Duration.ofSeconds(60));
        try {
            Doctored doctored = doctor(config);

            assertThat(doctored.status()).isEqualTo(1);
            assertThat(doctored.output()).containsPattern("ok +as_token")
                    .containsPattern("FAIL +appservice ping +Steward refused the homeserver's hs_token \\(403\\)")
                    .contains("give Synapse the registration 'steward registration -c <config>' writes")
                    .doesNotContain(homeserver.registration().hsToken())
                    .doesNotContain(homeserver.registration().asToken());
        } finally {
            Await.result(steward.close(), Duration.ofSeconds(30));
        }
    }

    @Test
    void anUnreachableHomeserverAndADeadProviderAreNamed(TestHomeserver homeserver, @TempDir Path data)
            throws Exception {
        int closed = TestHomeserver.freePort();
        Path config = StewardHarness.writeConfig(homeserver, data, models("http://127.0.0.1:" + closed + "/v1"));
        Files.writeString(config, Files.readString(config).replace("url: " + homeserver.url(),
                "url: http://127.0.0.1:" + TestHomeserver.freePort()));

        Doctored doctored = doctor(config);

        assertThat(doctored.status()).isEqualTo(1);
        assertThat(doctored.output())
                .containsPattern("FAIL +homeserver +no answer from http://127.0.0.1:\\d+ \\(connection refused\\)")
                .contains("start the homeserver, or correct homeserver.url")
                .containsPattern("FAIL +model local-llama +http://127.0.0.1:" + closed + "/v1/models \\(local\\): "
                        + "connection refused")
                .contains("start the model server, or correct base_url of local-llama")
                .containsPattern("WARN +steward +nothing answers at");
    }

    private static String models(String baseUrl) {
        return """
                models:
                  - {name: local-llama, provider: openai, model_id: llama, base_url: "%s", local: true}
                """.formatted(baseUrl);
    }
}
