package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import dev.steward.homeserver.id.EventId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Steward joins rooms when an allowed person invites it, and declines everyone else's invites. */
@ExtendWith(SynapseExtension.class)
class InviteIT {
    private static StewardHarness steward;

    @BeforeAll
    static void start(TestHomeserver homeserver, @TempDir Path data) throws Exception {
        steward = StewardHarness.start(homeserver, data);
    }

    @AfterAll
    static void stop() {
        steward.close();
    }

    @Test
    void joinsWhenAnAllowedPersonInvitesIt(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = alice.createRoomJoinedBy("family", homeserver.botUser());
        JsonObject member = alice.awaitEvent(room, "Steward's member event with its display name", Await.DEFAULT,
                event -> "m.room.member".equals(event.getString("type"))
                        && homeserver.botUser().value().equals(event.getString("state_key"))
                        && "Steward".equals(event.getJsonObject("content").getString("displayname")));
        assertThat(member.getJsonObject("content").getString("membership")).isEqualTo("join");
    }

    @Test
    void saysOnceThatItCannotReadAnEncryptedRoomWhenEncryptionIsOff(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = Await.result(alice.client().createRoom(new JsonObject()
                .put("name", "encrypted").put("preset", "private_chat")
                .put("invite", new JsonArray().add(homeserver.botUser().value()))
                .put("initial_state", new JsonArray().add(new JsonObject().put("type", "m.room.encryption")
                        .put("state_key", "").put("content", new JsonObject().put("algorithm", "m.megolm.v1.aes-sha2"))))));

        JsonObject notice = alice.awaitEvent(room, "Steward's notice about encryption", Await.DEFAULT,
                event -> homeserver.botUser().value().equals(event.getString("sender"))
                        && "m.room.message".equals(event.getString("type")));
        assertThat(TestPerson.body(notice)).contains("encrypted").contains("encryption.store_key");
        // The room's events are handled in order: once a later command is answered, every join before it was too.
        EventId marker = alice.send(room, "!ping");
        alice.awaitReply(room, homeserver.botUser(), marker);
        assertThat(alice.messagesFrom(room, homeserver.botUser()))
                .filteredOn(event -> TestPerson.body(event).contains("encrypted"))
                .hasSize(1);
    }

    @Test
    void declinesAnInviteFromSomeoneNotAllowedAndDoesNothingElse(TestHomeserver homeserver) {
        TestPerson mallory = homeserver.person("mallory");
        RoomId room = mallory.createRoom("not for steward", homeserver.botUser());

        mallory.awaitMembership(room, homeserver.botUser(), "leave");
        assertThat(mallory.messagesFrom(room, homeserver.botUser())).isEmpty();
        assertThat(mallory.timeline(room))
                .filteredOn(event -> homeserver.botUser().value().equals(event.getString("sender")))
                .extracting(event -> event.getJsonObject("content").getString("membership"))
                .containsExactly("leave");
    }
}
