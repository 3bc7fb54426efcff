package dev.steward.commands;

import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Actions that wait for a member to confirm with a reaction on Steward's prompt ({@code !forget <query>}). Only the
 * member who asked counts, only with ✅, only before the prompt expires, and only once. Pending confirmations live in
 * memory: after a restart the member simply asks again.
 */
public final class Confirmations {
    public static final String CONFIRM = "✅";

    private record Pending(MatrixEvent request, UserId member, Instant expires, Supplier<Future<String>> action) {}

    private final Clock clock;
    private final Map<EventId, Pending> pending = new ConcurrentHashMap<>();

    public Confirmations(Clock clock) {
        this.clock = clock;
    }

    /** Waits for {@code request}'s sender to react ✅ on {@code prompt}; {@code action} then runs and its text is posted. */
    public void await(EventId prompt, MatrixEvent request, Duration within, Supplier<Future<String>> action) {
        pending.values().removeIf(waiting -> waiting.expires().isBefore(clock.instant()));
        pending.put(prompt, new Pending(request, request.sender(), clock.instant().plus(within), action));
    }

    /** A reaction arrived: runs the action it confirms, if it confirms one; otherwise does nothing. */
    public Future<Void> reacted(MatrixEvent reaction, EventId target, String key, RoomReplies replies) {
        Pending waiting = pending.get(target);
        if (waiting == null || !CONFIRM.equals(key) || !waiting.member().equals(reaction.sender())
                || !waiting.request().roomId().equals(reaction.roomId())) {
            return Future.succeededFuture();
        }
        if (waiting.expires().isBefore(clock.instant())) {
            pending.remove(target);
            return replies.notice(waiting.request(), "confirmation-expired",
                    "That request expired; ask again if you still want it.").mapEmpty();
        }
        if (!pending.remove(target, waiting)) {
            return Future.succeededFuture();
        }
        return waiting.action().get()
                .recover(e -> e instanceof UserFacingException refused ? Future.succeededFuture(refused.getMessage())
                        : Future.failedFuture(e))
                .compose(text -> replies.notice(waiting.request(), "confirmed", text))
                .mapEmpty();
    }
}
