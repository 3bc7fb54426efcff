package dev.steward.bot.pipeline;

import dev.steward.commands.RoomReplies;
import dev.steward.homeserver.event.EventTypes;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.TxnIds;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Answers in rooms through the client-server API, as the bot. */
public final class MatrixReplies implements RoomReplies {
    private final MatrixClient bot;

    public MatrixReplies(MatrixClient bot) {
        this.bot = bot;
    }

    @Override
    public Future<EventId> notice(MatrixEvent source, String purpose, String text) {
        JsonObject content = new JsonObject()
                .put("msgtype", EventTypes.NOTICE)
                .put("body", text)
                .put("m.relates_to", relation(source))
                .put("m.mentions", new JsonObject().put("user_ids", new JsonArray().add(source.sender().value())));
        return bot.send(source.roomId(), EventTypes.MESSAGE, content, TxnIds.derive(source.eventId(), purpose));
    }

    /** A reply to the source; inside its thread when the source was in one (spec: "Threads", replies in threads). */
    static JsonObject relation(MatrixEvent source) {
        JsonObject inReplyTo = new JsonObject().put("event_id", source.eventId().value());
        if ("m.thread".equals(source.relationType()) && source.relatesTo().isPresent()) {
            return new JsonObject()
                    .put("rel_type", "m.thread")
                    .put("event_id", source.relatesTo().get().value())
                    .put("is_falling_back", false)
                    .put("m.in_reply_to", inReplyTo);
        }
        return new JsonObject().put("m.in_reply_to", inReplyTo);
    }

    @Override
    public Future<Integer> powerLevel(RoomId room, UserId user) {
        return bot.powerLevels(room).map(levels -> levels.userLevel(user));
    }
}
