package dev.steward.homeserver.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.homeserver.Json;
import dev.steward.homeserver.RecordedTransactions;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading the events a real Synapse 1.160 pushed to Steward, and refusing events that cannot be routed. */
class MatrixEventTest {
    private static final List<RecordedTransactions.Event> RECORDED = RecordedTransactions.events();
    private static final Map<String, MatrixEvent> BY_ID = RECORDED.stream()
            .map(recorded -> MatrixEvent.from(recorded.json()))
            .collect(Collectors.toMap(event -> event.eventId().value(), Function.identity()));

    static List<Arguments> everyRecordedEvent() {
        return RECORDED.stream()
                .<Arguments>map(recorded -> argumentSet(
                        recorded.path() + " " + recorded.json().path("type").asText(), recorded.json()))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("everyRecordedEvent")
    void typedFieldsMatchTheJsonAndRawKeepsEverything(JsonNode json) throws Exception {
        MatrixEvent event = MatrixEvent.from(json);

        assertThat(event.eventId()).isEqualTo(EventId.of(json.get("event_id").asText()));
        assertThat(event.type()).isEqualTo(json.get("type").asText());
        assertThat(event.roomId()).isEqualTo(RoomId.of(json.get("room_id").asText()));
        assertThat(event.sender()).isEqualTo(UserId.of(json.get("sender").asText()));
        assertThat(event.originServerTs()).isEqualTo(json.get("origin_server_ts").asLong()).isPositive();
        assertThat(event.content()).isEqualTo(json.get("content"));
        assertThat(event.isState()).isEqualTo(json.has("state_key"));
        // Fields Steward does not model (the legacy user_id, unsigned, age...) survive a store and read back.
        assertThat(event.raw()).isEqualTo(json);
        assertThat(event.raw().get("user_id").asText()).isEqualTo(event.sender().value());
        assertThat(event.raw().get("unsigned").isObject()).isTrue();
        assertThat(MatrixEvent.from(Json.MAPPER.readTree(event.raw().toString()))).isEqualTo(event);
    }

    @Test
    void anInviteNamesTheInvitedUserAndKeepsTheRoomState() {
        MatrixEvent invite = BY_ID.get("$5ao4-zjXVaH571egFfVcnpMYd0KR1GblEjIPgwJP9Ck");

        assertThat(invite.type()).isEqualTo(EventTypes.MEMBER);
        assertThat(invite.membership()).isEqualTo("invite");
        assertThat(invite.stateKey()).contains("@steward:localhost");
        assertThat(invite.sender()).isEqualTo(UserId.of("@admin1795271445:localhost"));
        assertThat(invite.raw().get("invite_room_state")).hasSize(4);
    }

    @Test
    void aJoinIsAMembershipChange() {
        MatrixEvent join = BY_ID.get("$nXYCRfOn4-S0xMq8Bi-d2PGn6J1VEfNdiGMEIdInRqs");

        assertThat(join.membership()).isEqualTo("join");
        assertThat(join.stateKey()).contains(join.sender().value());
    }

    @Test
    void aTextMessageCarriesItsBody() {
        MatrixEvent message = BY_ID.get("$KAp_AYjvlJQEYI8AXV4bapXuhsHr15hl1jjGprOx7og");

        assertThat(message.type()).isEqualTo(EventTypes.MESSAGE);
        assertThat(message.msgtype()).isEqualTo(EventTypes.TEXT);
        assertThat(message.body()).isEqualTo("!deploy status");
        assertThat(message.isState()).isFalse();
        assertThat(message.relatesTo()).isEmpty();
        assertThat(message.membership()).isEmpty();
    }

    @Test
    void noticesAreToldApartFromText() {
        MatrixEvent notice = BY_ID.get("$DjgyDRF7B-DA_IHiwNM1SquXmz6RSfnShBy8Xml9d20");

        assertThat(notice.msgtype()).isEqualTo(EventTypes.NOTICE);
        assertThat(notice.body()).isEqualTo("bot reply");
    }

    @Test
    void aReactionPointsAtTheMessageItAnnotates() {
        MatrixEvent reaction = BY_ID.get("$gVfkberOxUhHBNGeDIPCXQljBUoifEL0H8ScVhWaNkw");

        assertThat(reaction.type()).isEqualTo(EventTypes.REACTION);
        assertThat(reaction.relatesTo()).contains(EventId.of("$KAp_AYjvlJQEYI8AXV4bapXuhsHr15hl1jjGprOx7og"));
        assertThat(reaction.relationType()).isEqualTo("m.annotation");
        assertThat(reaction.content().path("m.relates_to").path("key").asText()).isEqualTo("👍");
        assertThat(reaction.body()).isEmpty();
    }

    @Test
    void repliesAndRedactionsNameTheirTarget() {
        MatrixEvent reply = MatrixEvent.from(json("""
                {"event_id": "$r", "type": "m.room.message", "room_id": "!a:localhost", "sender": "@u:localhost",
                 "content": {"body": "yes", "msgtype": "m.text",
                             "m.relates_to": {"m.in_reply_to": {"event_id": "$question"}}}}"""));
        MatrixEvent oldRedaction = MatrixEvent.from(json("""
                {"event_id": "$x", "type": "m.room.redaction", "room_id": "!a:localhost", "sender": "@u:localhost",
                 "redacts": "$gone", "content": {}}"""));
        MatrixEvent v11Redaction = MatrixEvent.from(json("""
                {"event_id": "$y", "type": "m.room.redaction", "room_id": "!a:localhost", "sender": "@u:localhost",
                 "content": {"redacts": "$gone11"}}"""));

        assertThat(reply.inReplyTo()).contains(EventId.of("$question"));
        assertThat(reply.relatesTo()).isEmpty();
        assertThat(oldRedaction.redacts()).contains(EventId.of("$gone"));
        assertThat(v11Redaction.redacts()).contains(EventId.of("$gone11"));
    }

    static final List<Arguments> INVALID_EVENTS = List.of(
            argumentSet("missing event_id", "event_id", without("event_id")),
            argumentSet("event_id not a string", "event_id", valid().put("event_id", 42)),
            argumentSet("malformed event_id", "event id", valid().put("event_id", "abc")),
            argumentSet("sender without a server", "user id", valid().put("sender", "@u")),
            argumentSet("sender with the wrong sigil", "user id", valid().put("sender", "u:localhost")),
            argumentSet("sender with a bad server", "user id", valid().put("sender", "@u:bad_host")),
            argumentSet("missing sender", "sender", without("sender")),
            argumentSet("missing type", "type", without("type")),
            argumentSet("malformed room_id", "room id", valid().put("room_id", "#a:localhost")),
            argumentSet("not an object", "JSON object", Json.MAPPER.createArrayNode().add(1)));

    @ParameterizedTest
    @FieldSource("INVALID_EVENTS")
    void eventsThatCannotBeRoutedAreRefused(String named, JsonNode json) {
        assertThat(MatrixEvent.from(valid())).isNotNull();
        // The message names the faulty field, so the warning logged for a skipped event says what was wrong.
        assertThatThrownBy(() -> MatrixEvent.from(json))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(named);
    }

    private static ObjectNode valid() {
        return Json.object().put("event_id", "$e").put("type", "m.room.message").put("room_id", "!a:localhost")
                .put("sender", "@u:localhost");
    }

    private static ObjectNode without(String field) {
        ObjectNode event = valid();
        event.remove(field);
        return event;
    }

    @Test
    void aMissingContentReadsAsEmpty() {
        MatrixEvent event = MatrixEvent.from(json("""
                {"event_id": "$e", "type": "m.room.message", "room_id": "!a:localhost", "sender": "@u:localhost"}"""));

        assertThat(event.content()).isEmpty();
        assertThat(event.body()).isEmpty();
        assertThat(event.raw()).isInstanceOf(ObjectNode.class);
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
