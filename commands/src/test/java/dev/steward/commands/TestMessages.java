package dev.steward.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.homeserver.Json;
import dev.steward.homeserver.event.MatrixEvent;

/** Messages shaped like those Synapse pushes to Steward (legacy {@code user_id} and {@code unsigned} included). */
public final class TestMessages {
    public static final String ROOM = "!JRgCCIQDSXoGdseLIq:localhost";
    public static final String SENDER = "@user1795271445:localhost";
    public static final long SENT_AT = 1795271446500L;

    private TestMessages() {}

    public static ObjectNode json(String body) {
        ObjectNode event = Json.object();
        event.put("age", 27);
        event.putObject("content").put("body", body).put("msgtype", "m.text");
        event.put("event_id", "$KAp_AYjvlJQEYI8AXV4bapXuhsHr15hl1jjGprOx7og")
                .put("origin_server_ts", SENT_AT)
                .put("room_id", ROOM)
                .put("sender", SENDER)
                .put("type", "m.room.message");
        event.putObject("unsigned").put("age", 27);
        event.put("user_id", SENDER);
        return event;
    }

    /** An {@code m.text} message with this body. */
    public static MatrixEvent text(String body) {
        return MatrixEvent.from(json(body));
    }

    /** The command typed in this message, parsed with the prefix {@code !}. */
    public static Invocation command(String body) {
        return new CommandParser("!").parse(text(body)).orElseThrow();
    }
}
