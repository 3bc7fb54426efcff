package dev.steward.homeserver.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.util.Optional;

/**
 * A room event as a homeserver delivers it. The typed fields are the ones Steward routes on; {@link #raw()} keeps
 * the whole event as received, unknown fields included, so nothing is lost when it is stored and read back.
 */
public record MatrixEvent(
        EventId eventId,
        String type,
        RoomId roomId,
        UserId sender,
        Optional<String> stateKey,
        long originServerTs,
        ObjectNode content,
        ObjectNode raw) {

    /**
     * Reads an event from its JSON form.
     *
     * @throws InvalidEventException when a required field is missing or an id is malformed
     */
    public static MatrixEvent from(JsonNode json) {
        if (!(json instanceof ObjectNode object)) {
            throw new InvalidEventException("an event must be a JSON object");
        }
        try {
            JsonNode content = object.get("content");
            JsonNode stateKey = object.get("state_key");
            return new MatrixEvent(
                    EventId.of(requiredText(object, "event_id")),
                    requiredText(object, "type"),
                    RoomId.of(requiredText(object, "room_id")),
                    UserId.of(requiredText(object, "sender")),
                    stateKey != null && stateKey.isTextual() ? Optional.of(stateKey.asText()) : Optional.empty(),
                    object.path("origin_server_ts").asLong(0),
                    content instanceof ObjectNode c ? c : JsonNodeFactory.instance.objectNode(),
                    object);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage());
        }
    }

    private static String requiredText(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidEventException("event field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    public boolean isState() {
        return stateKey.isPresent();
    }

    /** The {@code msgtype} of a message event, or empty. */
    public String msgtype() {
        return content.path("msgtype").asText("");
    }

    /** The plain-text {@code body} of a message event, or empty. */
    public String body() {
        return content.path("body").asText("");
    }

    /** The {@code membership} of an {@code m.room.member} event, or empty. */
    public String membership() {
        return content.path("membership").asText("");
    }

    /** The event this one relates to ({@code m.relates_to.event_id}), if any. */
    public Optional<EventId> relatesTo() {
        return optionalEventId(content.path("m.relates_to").path("event_id"));
    }

    /** The relation type ({@code m.relates_to.rel_type}: {@code m.annotation}, {@code m.thread}...), or empty. */
    public String relationType() {
        return content.path("m.relates_to").path("rel_type").asText("");
    }

    /** The event this one replies to ({@code m.relates_to.m.in_reply_to.event_id}), if any. */
    public Optional<EventId> inReplyTo() {
        return optionalEventId(content.path("m.relates_to").path("m.in_reply_to").path("event_id"));
    }

    /** The event redacted by an {@code m.room.redaction}: {@code content.redacts} (v11+) or top-level (older). */
    public Optional<EventId> redacts() {
        JsonNode inContent = content.get("redacts");
        return optionalEventId(inContent != null ? inContent : raw.path("redacts"));
    }

    private static Optional<EventId> optionalEventId(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventId.of(node.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
