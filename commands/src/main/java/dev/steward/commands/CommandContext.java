package dev.steward.commands;

import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.safety.authority.Permission;
import dev.steward.safety.authority.Power;
import dev.steward.safety.sensitivity.Reach;
import io.vertx.core.Future;

/** What a handler gets: the command as typed, who sent it (read once for this event), and the means to answer. */
public record CommandContext(Invocation invocation, CommandSpec spec, Caller caller, RoomReplies replies,
        CommandRegistry registry) {
    public MatrixEvent event() {
        return invocation.event();
    }

    public String arguments() {
        return invocation.arguments();
    }

    public String prefix() {
        return registry.prefix();
    }

    /** Answers the command with a notice; one answer per command (a second one needs {@link #reply(String, String)}). */
    public Future<EventId> reply(String text) {
        return reply("answer", text);
    }

    public Future<EventId> reply(String purpose, String text) {
        return replies.notice(invocation.event(), spec.name() + ":" + purpose, text);
    }

    /** The same context, whose replies are marked with the stricter of the caller's reach and {@code more}. */
    public CommandContext reaching(Reach more) {
        return new CommandContext(invocation, spec, caller, replies.reaching(caller.reach().and(more)), registry);
    }

    /** Whether the sender holds a power here (for what depends on the command's subject, such as whose memory). */
    public boolean may(Power power) {
        return registry.authority().may(caller.actor(), Permission.of(power));
    }

    /**
     * Succeeds when the sender holds the power here; otherwise records the refusal and fails with the text saying
     * who holds it, which the registry answers with.
     */
    public Future<Void> require(Power power, String what) {
        Permission needed = Permission.of(power);
        if (registry.authority().may(caller.actor(), needed)) {
            return Future.succeededFuture();
        }
        return registry.recordRefusal(caller, needed, what).compose(recorded -> Future.failedFuture(
                new PermissionDeniedException(registry.authority().refusal(needed))));
    }
}
