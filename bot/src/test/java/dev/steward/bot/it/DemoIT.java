package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.cli.DemoOptions;
import dev.steward.bot.demo.Demo;
import dev.steward.bot.demo.DemoSpace;
import dev.steward.bot.demo.RunningDemo;
import dev.steward.bot.it.standin.ModelStandIn;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.RetryPolicy;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward demo}: its own Synapse and Steward with the model it found, and a family whose logins work:
 * with an OpenAI-compatible server given by --model-url or an Ollama, !ask is answered with that model's footer;
 * with none, the banner and Steward's first message in the Kitchen say how to add one.
 */
class DemoIT {
    private static final UserId STEWARD = UserId.of("@steward:localhost");
    private Vertx vertx;
    private WebClient web;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        web = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        Await.result(vertx.close());
    }

    private DemoOptions options(Path data) throws Exception {
        // An Ollama on this machine would be found: the tests say where theirs is, or that there is none.
        return new DemoOptions(data, TestHomeserver.freePort(), TestHomeserver.freePort())
                .withOllamaUrl("http://127.0.0.1:" + TestHomeserver.freePort());
    }

    /** The demo with no cloud keys in its environment, whatever the machine running the test has. */
    private RunningDemo demo(DemoOptions options) throws Exception {
        return new Demo(print, print, Map.of()).run(options);
    }

    private String banner() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withAModelUrlTheFamilyAsksAndTheAnswerNamesTheModel(@TempDir Path data) throws Exception {
        try (ModelStandIn model = ModelStandIn.start("tiny-llama")) {
            model.answerWith("Spaghetti tonight.");
            try (RunningDemo demo = demo(options(data).withModel(model.baseUrl(), null))) {
                assertThat(banner()).contains("Model:       tiny-llama from the OpenAI-compatible server at "
                        + model.baseUrl() + " (local)");
                TestPerson parent = login(demo, demo.space().parent());
                RoomId kitchen = demo.space().kitchen();
                assertThat(firstStewardMessage(parent, kitchen)).contains("I answer with tiny-llama, a local model");

                EventId ask = parent.send(kitchen, "!ask what is for dinner?");
                assertThat(parent.awaitAnswer(kitchen, STEWARD, ask)).startsWith("Spaghetti tonight.")
                        .endsWith("— tiny-llama 🔒");

                TestPerson child = login(demo, demo.space().child());
                assertThat(child.awaitAnswer(kitchen, STEWARD, child.send(kitchen, "!policy")))
                        .startsWith("Your policy (role child):");
                assertThat(parent.awaitAnswer(demo.space().parents(), STEWARD,
                        parent.send(demo.space().parents(), "!ping"))).startsWith("pong");
                assertThat(parent.client().stateEvent(demo.space().space(), "m.room.member", STEWARD.value())
                        .map(member -> member.getString("membership")).toCompletionStage().toCompletableFuture()
                        .get()).as("Steward is in the space itself").isEqualTo("join");
            }
        }
        assertThat(banner()).contains("Stopped: Steward and Synapse are no longer running");
    }

    @Test
    void anOllamaOnItsPortIsFoundByItsModelList(@TempDir Path data) throws Exception {
        try (ModelStandIn ollama = ModelStandIn.start("llama3.2:latest")) {
            ollama.answerWith("Hello from Ollama.");
            try (RunningDemo demo = demo(options(data).withOllamaUrl(ollama.ollamaBaseUrl()))) {
                assertThat(banner()).contains("Model:       llama3.2:latest from Ollama at " + ollama.ollamaBaseUrl()
                        + " (local)");
                TestPerson parent = login(demo, demo.space().parent());
                EventId ask = parent.send(demo.space().kitchen(), "!ask hello?");
                assertThat(parent.awaitAnswer(demo.space().kitchen(), STEWARD, ask)).startsWith("Hello from Ollama.")
                        .endsWith("— llama3.2-latest 🔒");
            }
        }
    }

    @Test
    void withoutAModelTheBannerAndTheKitchenSayHowToAddOne(@TempDir Path data) throws Exception {
        // A first run, stopped: the second on the same folder has a new Synapse, and Steward must answer there too.
        demo(options(data)).close();
        out.reset();
        try (RunningDemo demo = demo(options(data))) {
            assertThat(banner()).contains("Model:       none found; to let Steward answer, start Ollama (ollama pull"
                    + " llama3.2) or run ./steward demo --model-url http://127.0.0.1:8080/v1");
            TestPerson parent = login(demo, demo.space().parent());
            RoomId kitchen = demo.space().kitchen();
            assertThat(firstStewardMessage(parent, kitchen)).contains("No model is configured yet")
                    .contains("--model-url");
            EventId ping = parent.send(kitchen, "!ping");
            assertThat(parent.awaitAnswer(kitchen, STEWARD, ping)).startsWith("pong");
        }
    }

    private TestPerson login(RunningDemo demo, DemoSpace.Login login) {
        JsonObject session = Await.result(web.postAbs(demo.synapse().url() + "/_matrix/client/v3/login")
                        .sendJsonObject(new JsonObject()
                                .put("type", "m.login.password")
                                .put("identifier", new JsonObject().put("type", "m.id.user").put("user", login.user()))
                                .put("password", login.password())))
                .bodyAsJsonObject();
        assertThat(session.getString("access_token")).as("login answer: %s", session).isNotBlank();
        return TestPerson.of(vertx, MatrixClient.create(vertx, web, demo.synapse().url(),
                session.getString("access_token"), UserId.of(session.getString("user_id")), RetryPolicy.DEFAULT));
    }

    private static String firstStewardMessage(TestPerson person, RoomId room) {
        return person.messagesFrom(room, STEWARD).stream().findFirst().map(TestPerson::body).orElse("");
    }
}
