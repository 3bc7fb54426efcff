package dev.steward.homeserver.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client-server client against the real Synapse, acting as the appservice bot and its namespaced users. */
@ExtendWith(SynapseExtension.class)
class MatrixClientIT {
    private static MatrixClient bot;
    private static TestPerson alice;
    private static RoomId room;

    @BeforeAll
    static void setUp(TestHomeserver homeserver) {
        bot = homeserver.botClient();
        alice = homeserver.person("alice");
        room = alice.createRoom("client", homeserver.botUser());
        assertThat(Await.result(bot.join(room))).isEqualTo(room);
    }

    private static JsonObject text(String body) {
        return new JsonObject().put("msgtype", "m.notice").put("body", body);
    }

    @Test
    void whoamiIsTheBot(TestHomeserver homeserver) {
        assertThat(Await.result(bot.whoami())).isEqualTo(homeserver.botUser());
    }

    @Test
    void theSameTransactionIdNeverPostsTwice() {
        String txn = TxnIds.derive(EventId.of("$source-" + UUID.randomUUID()), "answer");
        EventId first = Await.result(bot.send(room, "m.room.message", text("once"), txn));
        EventId second = Await.result(bot.send(room, "m.room.message", text("once"), txn));

        assertThat(second).isEqualTo(first);
        assertThat(alice.timeline(room)).filteredOn(event -> "once".equals(TestPerson.body(event))).hasSize(1);
    }

    @Test
    void aNamespacedUserIsRegisteredAndActsThroughTheAppservice(TestHomeserver homeserver) {
        String localpart = TestHomeserver.BOT_LOCALPART + "_helper" + UUID.randomUUID().toString().substring(0, 6);
        UserId helper = Await.result(bot.register(localpart));
        assertThat(Await.result(bot.register(localpart))).as("registering twice is fine").isEqualTo(helper);

        MatrixClient asHelper = bot.actingAs(helper);
        assertThat(Await.result(asHelper.whoami())).isEqualTo(helper);
        Await.result(asHelper.setDisplayName("Helper"));
        Await.result(asHelper.setAvatarUrl("mxc://localhost/avatar"));
        JsonObject profile = Await.result(alice.client().profile(helper));
        assertThat(profile.getString("displayname")).isEqualTo("Helper");
        assertThat(profile.getString("avatar_url")).isEqualTo("mxc://localhost/avatar");

        Await.result(bot.invite(room, helper));
        Await.result(asHelper.join(room));
        alice.awaitMembership(room, helper, "join");
        Await.result(asHelper.leave(room, "done"));
        alice.awaitMembership(room, helper, "leave");
    }

    @Test
    void stateAndPowerLevelsAreRead(TestHomeserver homeserver) {
        Await.result(alice.client().sendState(room, "org.example.setting", "", new JsonObject().put("on", true)));
        assertThat(Await.result(bot.stateEvent(room, "org.example.setting", "")).getBoolean("on")).isTrue();
        JsonArray state = Await.result(bot.state(room));
        assertThat(state.stream().map(JsonObject.class::cast).map(event -> event.getString("type")))
                .contains("m.room.create", "m.room.member", "org.example.setting");

        PowerLevels levels = Await.result(bot.powerLevels(room));
        assertThat(levels.userLevel(alice.id())).isEqualTo(100);
        assertThat(levels.userLevel(homeserver.botUser())).isZero();
        assertThatThrownBy(() -> Await.result(bot.stateEvent(room, "org.example.absent", "")))
                .isInstanceOfSatisfying(MatrixException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errcode()).isEqualTo("M_NOT_FOUND");
                });
    }

    @Test
    void redactionsRelationsAndTyping() {
        EventId message = Await.result(
                bot.send(room, "m.room.message", text("react to me"), TxnIds.derive("r" + UUID.randomUUID())));
        EventId reaction = alice.react(room, message, "👀");

        JsonArray annotations = Await.result(bot.relations(room, message, "m.annotation", "m.reaction"));
        assertThat(annotations.stream().map(JsonObject.class::cast).map(event -> event.getString("event_id")))
                .containsExactly(reaction.value());

        Await.result(bot.redact(room, message, "no longer true", TxnIds.derive("x" + UUID.randomUUID())));
        JsonObject redacted = Await.result(bot.event(room, message));
        assertThat(redacted.getJsonObject("content")).isEmpty();
        Await.result(bot.typing(room, true, Duration.ofSeconds(5)));
        Await.result(bot.typing(room, false, Duration.ZERO));
    }

    @Test
    void theBotCreatesARoomInvitesAndKicks() {
        RoomId own = Await.result(
                bot.createRoom(new JsonObject().put("name", "bot's room").put("preset", "private_chat")));
        Await.result(bot.invite(own, alice.id()));
        Await.result(alice.client().join(own));
        alice.awaitMembership(own, alice.id(), "join");

        Await.result(bot.kick(own, alice.id(), "test over"));
        JsonObject member = Await.result(bot.stateEvent(own, "m.room.member", alice.id().value()));
        assertThat(member.getString("membership")).isEqualTo("leave");
        assertThat(member.getString("reason")).isEqualTo("test over");
        assertThat(Await.result(bot.joinedRooms()).getList()).contains(own.value(), room.value());
    }

    @Test
    void aRefusalCarriesTheHomeserversErrcode() {
        RoomId unknown = RoomId.of("!doesnotexist:localhost");
        assertThatThrownBy(() -> Await.result(bot.join(unknown)))
                .isInstanceOfSatisfying(MatrixException.class, e -> assertThat(e.errcode()).startsWith("M_"))
                .hasMessageContaining("M_");
    }
}
