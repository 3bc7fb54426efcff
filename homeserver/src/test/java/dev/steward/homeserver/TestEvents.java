package dev.steward.homeserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.homeserver.event.MatrixEvent;
import java.util.List;

/** Events shaped like those Synapse pushes (with the legacy {@code user_id} and {@code unsigned}), for tests. */
public final class TestEvents {
    public static final String ROOM = "!JRgCCIQDSXoGdseLIq:localhost";
    public static final String SENDER = "@user1795271445:localhost";

    private TestEvents() {}

    /** A plain {@code m.text} message as JSON. */
    public static ObjectNode messageJson(String eventId, String body) {
        ObjectNode event = Json.object();
        event.put("age", 27);
        event.putObject("content").put("body", body).put("msgtype", "m.text");
        event.put("event_id", eventId)
                .put("origin_server_ts", 1795271446500L)
                .put("room_id", ROOM)
                .put("sender", SENDER)
                .put("type", "m.room.message");
        event.putObject("unsigned").put("age", 27);
        event.put("user_id", SENDER);
        return event;
    }

    public static MatrixEvent message(String eventId, String body) {
        return MatrixEvent.from(messageJson(eventId, body));
    }

    /** A transaction body, {@code {"events": [...]}}. */
    public static ObjectNode transaction(ObjectNode... events) {
        ObjectNode body = Json.object();
        body.putArray("events").addAll(List.of(events));
        return body;
    }
}
