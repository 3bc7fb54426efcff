package dev.steward.bot.it;

import static dev.steward.homeserver.testing.TestPerson.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The first commands, as a person in Element sees them: notices that reply to the command. */
@ExtendWith(SynapseExtension.class)
class CommandsIT {
    private static JoinedRoom joined;
    private static StewardHarness steward;
    private static TestPerson alice;
    private static RoomId room;

    @BeforeAll
    static void start(TestHomeserver homeserver, @TempDir Path data) throws Exception {
        joined = JoinedRoom.start(homeserver, data, "commands");
        steward = joined.steward();
        alice = joined.person();
        room = joined.room();
    }

    @AfterAll
    static void stop() {
        joined.close();
    }

    private JsonObject ask(TestHomeserver homeserver, String text) {
        EventId command = alice.send(room, text);
        JsonObject reply = alice.awaitReply(room, homeserver.botUser(), command);
        assertThat(reply.getJsonObject("content").getString("msgtype")).isEqualTo("m.notice");
        return reply;
    }

    @Test
    void pingIsAnsweredWithPongAsANoticeReplyingToTheCommand(TestHomeserver homeserver) {
        assertThat(body(ask(homeserver, "!ping"))).matches("pong \\(\\d+ ms from your message to my answer\\)");
    }

    @Test
    void helpListsTheCommands(TestHomeserver homeserver) {
        assertThat(body(ask(homeserver, "!help"))).contains("!help", "!ping", "!status");
    }

    @Test
    void aMistypedCommandGetsTheNearestOneSuggested(TestHomeserver homeserver) {
        assertThat(body(ask(homeserver, "!pnig"))).isEqualTo("I don't know the command !pnig. Did you mean !ping?");
    }

    @Test
    void statusShowsVersionUptimeHomeserverModelsAndInbox(TestHomeserver homeserver) {
        assertThat(body(ask(homeserver, "!status")))
                .startsWith("Steward ")
                .contains("Uptime: ", "Homeserver: reachable (appservice ping ", "Inbox: ",
                        "\nModels: none configured (see models: in the config)\n");
    }

    @Test
    void withNoModelConfiguredAskExplainsHowToAddOne(TestHomeserver homeserver) {
        assertThat(body(ask(homeserver, "!ask what is the capital of France?")))
                .startsWith("No model is configured yet, so I cannot answer questions.")
                .contains("docs/configuration.md#models");
    }

    @Test
    void aCommandInAThreadIsAnsweredInThatThread(TestHomeserver homeserver) {
        EventId root = alice.send(room, "planning the weekend");
        JsonObject threaded = new JsonObject().put("msgtype", "m.text").put("body", "!ping")
                .put("m.relates_to", new JsonObject().put("rel_type", "m.thread").put("event_id", root.value()));
        EventId command = alice.send(room, threaded);

        JsonObject relation = alice.awaitReply(room, homeserver.botUser(), command)
                .getJsonObject("content").getJsonObject("m.relates_to");
        assertThat(relation.getString("rel_type")).isEqualTo("m.thread");
        assertThat(relation.getString("event_id")).isEqualTo(root.value());
    }

    @Test
    void noticesAndChatAreNotAnswered(TestHomeserver homeserver) {
        RoomId quiet = alice.createRoomJoinedBy("quiet", homeserver.botUser());
        alice.send(quiet, new JsonObject().put("msgtype", "m.notice").put("body", "!ping"));
        alice.send(quiet, "just chatting about !ping");
        EventId marker = alice.send(quiet, "!ping");
        alice.awaitReply(quiet, homeserver.botUser(), marker);

        // Events of a room are handled in order: once the marker is answered, the two before it were handled.
        assertThat(alice.messagesFrom(quiet, homeserver.botUser()))
                .extracting(TestPerson::inReplyTo)
                .containsExactly(marker.value());
    }
}
