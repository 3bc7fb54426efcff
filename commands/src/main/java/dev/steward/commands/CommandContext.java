package dev.steward.commands;

import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import io.vertx.core.Future;

/** What a handler gets: the command as typed and the means to answer it. */
public record CommandContext(Invocation invocation, CommandSpec spec, RoomReplies replies, String prefix) {
    public MatrixEvent event() {
        return invocation.event();
    }

    public String arguments() {
        return invocation.arguments();
    }

    /** Answers the command with a notice; one answer per command (a second one needs {@link #reply(String, String)}). */
    public Future<EventId> reply(String text) {
        return reply("answer", text);
    }

    public Future<EventId> reply(String purpose, String text) {
        return replies.notice(invocation.event(), spec.name() + ":" + purpose, text);
    }
}
