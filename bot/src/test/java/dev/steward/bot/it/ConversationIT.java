package dev.steward.bot.it;

import static dev.steward.homeserver.testing.TestPerson.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.gateway.Ledger;
import dev.steward.bot.it.standin.ModelStandIn;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conversations with the models, against the real Synapse: threads carry their earlier turns to the model, answers
 * stream into one message by edits, and the room's settings (private, default model) steer the route.
 */
@ExtendWith(SynapseExtension.class)
class ConversationIT {
    private static ModelStandIn local;
    private static ModelStandIn cloud;
    private static StewardHarness steward;
    private static Path dataDir;

    @BeforeAll
    static void start(TestHomeserver homeserver, @TempDir Path data) throws Exception {
        local = ModelStandIn.start("local");
        cloud = ModelStandIn.start("cloud");
        dataDir = data;
        steward = StewardHarness.start(homeserver, data, """
                models:
                  - {name: local-llm, provider: ollama, model_id: llama, base_url: "%s", local: true}
                  - {name: cloud-llm, provider: openai, model_id: gpt, base_url: "%s", price_in: 1.0, price_out: 2.0}
                routing:
                  default: cloud-llm
                conversation:
                  role_prompts:
                    admin: "Admins may ask about the server."
                safety:
                  members:
                    "@%s-*:localhost": admin
                """.formatted(local.ollamaBaseUrl(), cloud.baseUrl(), StewardHarness.ALLOWED));
    }

    @AfterAll
    static void stop() throws Exception {
        steward.close();
        local.close();
        cloud.close();
    }

    @BeforeEach
    void reset() {
        for (ModelStandIn standIn : List.of(local, cloud)) {
            standIn.clear();
            standIn.chunkDelay(Duration.ZERO);
            standIn.answerWith(request -> "answer " + (standIn.chatCount()) + " from " + standIn.name());
        }
    }

    @Test
    void aFollowUpInAThreadSendsTheThreadsEarlierTurnsToTheModel(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = alice.createRoomJoinedBy("Weekend planning", homeserver.botUser());
        EventId root = alice.send(room, "Let's plan Saturday with the kids");
        EventId first = alice.send(room, inThread(root, "!ask where could we go hiking?"));
        String firstAnswer = alice.awaitAnswer(room, homeserver.botUser(), first);

        EventId second = alice.send(room, inThread(root, "!ask and where do we eat after?"));
        alice.awaitAnswer(room, homeserver.botUser(), second);

        JsonArray messages = cloud.lastRequest().getJsonArray("messages");
        String system = messages.getJsonObject(0).getString("content");
        assertThat(system).contains("Weekend planning").contains("admin").contains("Admins may ask about the server.");
        assertThat(turns(messages, "user")).containsExactly(
                alice.id().localpart() + ": Let's plan Saturday with the kids\n\n" + alice.id().localpart()
                        + ": where could we go hiking?",
                alice.id().localpart() + ": and where do we eat after?");
        assertThat(turns(messages, "assistant")).containsExactly(firstAnswer.substring(0, firstAnswer.indexOf("\n\n—")));
        JsonObject answer = alice.awaitReply(room, homeserver.botUser(), second);
        assertThat(answer.getJsonObject("content").getJsonObject("m.relates_to").getString("rel_type"))
                .as("answered in the thread").isEqualTo("m.thread");
    }

    @Test
    void aStreamedAnswerIsOneMessageWhoseFinalEditIsTheWholeAnswer(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = alice.createRoomJoinedBy("streaming", homeserver.botUser());
        String whole = "Here is **the plan**: first we walk along the lake, then we have lunch at the hut, and"
                + " finally we take the boat back to town before it gets dark.";
        cloud.answerWith(whole).chunkDelay(Duration.ofMillis(250));

        EventId question = alice.send(room, "!ask plan our day");
        String shown = alice.awaitAnswer(room, homeserver.botUser(), question);

        assertThat(shown).isEqualTo(whole + "\n\n— cloud-llm");
        List<JsonObject> fromSteward = alice.messagesFrom(room, homeserver.botUser());
        List<JsonObject> answers = fromSteward.stream().filter(event -> !GatewayIT.isEdit(event)).toList();
        List<JsonObject> edits = fromSteward.stream().filter(GatewayIT::isEdit).toList();
        assertThat(answers).as("one message").hasSize(1);
        assertThat(body(answers.get(0))).as("posted while still being written").endsWith(" …");
        assertThat(edits).as("edited as the text arrived, then once more with all of it").hasSizeGreaterThan(1)
                .allSatisfy(edit -> assertThat(edit.getJsonObject("content").getJsonObject("m.relates_to")
                        .getString("event_id")).isEqualTo(answers.get(0).getString("event_id")));
        JsonObject last = edits.get(edits.size() - 1).getJsonObject("content").getJsonObject("m.new_content");
        assertThat(last.getString("body")).isEqualTo(whole + "\n\n— cloud-llm");
        assertThat(last.getString("format")).isEqualTo("org.matrix.custom.html");
        assertThat(last.getString("formatted_body")).contains("<strong>the plan</strong>");
        assertThat(ledger().forEvent(question.value()).get(0).firstTokenMs()).isPresent();
    }

    @Test
    void inAPrivateRoomEveryRequestStaysLocalAndOnlyAdminsChangeThat(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        TestPerson bob = homeserver.person("bob");
        RoomId room = alice.createRoomJoinedBy("family", homeserver.botUser());
        alice.invite(room, bob.id());
        Await.result(bob.client().join(room));

        assertThat(ask(homeserver, bob, room, "!private on")).isEqualTo("Only this room's admins (power level 100"
                + " here) and admins can make this room private or not.");
        assertThat(ask(homeserver, alice, room, "!private on")).startsWith("This room is now private");
        assertThat(ask(homeserver, bob, room, "!ask what do we need from the shop?")).endsWith("— local-llm 🔒");

        assertThat(cloud.chatCount()).as("nothing from the private room left for the cloud").isZero();
        assertThat(ask(homeserver, bob, room, "!models"))
                .contains("This room is private")
                .contains("would go to local-llm (private room: local only; first allowed)");
    }

    @Test
    void theRoomDefaultModelSetByAnAdminTakesTheRequests(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = alice.createRoomJoinedBy("defaults", homeserver.botUser());

        assertThat(ask(homeserver, alice, room, "!model nothing-such")).contains("There is no model nothing-such");
        assertThat(ask(homeserver, alice, room, "!model local-llm")).startsWith("This room's default model is now local-llm");
        assertThat(ask(homeserver, alice, room, "!ask hello")).endsWith("— local-llm 🔒");
        assertThat(ask(homeserver, alice, room, "!models")).contains("local-llm 🔒 (room default)")
                .contains("would go to local-llm (room default), then cloud-llm if it fails");
        assertThat(ask(homeserver, alice, room, "!ask @cloud-llm hello")).endsWith("— cloud-llm");
        ask(homeserver, alice, room, "!model default");
        assertThat(ask(homeserver, alice, room, "!ask hello again")).endsWith("— cloud-llm");
    }

    private static String ask(TestHomeserver homeserver, TestPerson person, RoomId room, String text) {
        return person.awaitAnswer(room, homeserver.botUser(), person.send(room, text));
    }

    private static JsonObject inThread(EventId root, String text) {
        return new JsonObject().put("msgtype", "m.text").put("body", text)
                .put("m.relates_to", new JsonObject().put("rel_type", "m.thread").put("event_id", root.value())
                        .put("is_falling_back", true)
                        .put("m.in_reply_to", new JsonObject().put("event_id", root.value())));
    }

    private static List<String> turns(JsonArray messages, String role) {
        return messages.stream().map(JsonObject.class::cast)
                .filter(message -> role.equals(message.getString("role")))
                .map(message -> message.getString("content")).toList();
    }

    private static Ledger ledger() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(dev.steward.homeserver.inbox.H2Files.url(dataDir.resolve("steward")));
        dataSource.setUser("steward");
        dataSource.setPassword("");
        return Ledger.open(dataSource);
    }
}
