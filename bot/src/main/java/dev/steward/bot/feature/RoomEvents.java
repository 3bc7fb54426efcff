package dev.steward.bot.feature;

import dev.steward.bot.pipeline.Route;
import dev.steward.commands.Caller;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import io.vertx.core.Future;

/**
 * A feature's part in what happens in rooms. The pipeline calls every feature's hook for an event, in the order the
 * features were assembled, one after another; a failure fails the event, which is then tried again whole, so a hook
 * that must never repeat an earlier one's effect (asking a model again) recovers from its own failures.
 */
public interface RoomEvents {
    RoomEvents NONE = new RoomEvents() {};

    /** Steward joined a room ({@code firstJoin} false for a profile change). */
    default Future<Void> joined(MatrixEvent join, boolean firstJoin) {
        return Future.succeededFuture();
    }

    /** Steward left a room, or was removed from it. */
    default Future<Void> left(RoomId room) {
        return Future.succeededFuture();
    }

    /** Someone redacted {@code redacted}. */
    default Future<Void> redacted(MatrixEvent redaction, EventId redacted) {
        return Future.succeededFuture();
    }

    /** A message that is no command: perhaps a model request (mention, reply, direct chat), perhaps chat. */
    default Future<Void> message(MatrixEvent message, Route.Chat.Trigger trigger, Caller caller) {
        return Future.succeededFuture();
    }
}
