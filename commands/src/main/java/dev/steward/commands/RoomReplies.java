package dev.steward.commands;

import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;

/** The port through which commands act in a room; the bot implements it with the client-server API. */
public interface RoomReplies {
    /**
     * Posts an {@code m.notice} as a reply to {@code source} (in its thread, if it was in one). The purpose names
     * the reply among those caused by the same event, so handling the event again never posts it twice.
     */
    Future<EventId> notice(MatrixEvent source, String purpose, String text);

    /** The sender's power level in the room, for commands that require one. */
    Future<Integer> powerLevel(RoomId room, UserId user);
}
