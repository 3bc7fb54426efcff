package dev.steward.commands.ask;

import dev.steward.commands.RoomReplies;
import dev.steward.commands.UserFacingException;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.safety.sensitivity.Reach;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Posts a model's answer as it arrives: typing while the model thinks, one reply once the first words are there,
 * then edits of that same reply at most once per interval, and a last edit with the whole answer. Edits never queue
 * up: text that arrives while one is on its way waits for the next, and the final text always goes out last.
 */
public final class StreamedReply {
    /** What Matrix clients and homeservers cope with comfortably: about one edit a second. */
    public static final Duration EDIT_INTERVAL = Duration.ofSeconds(1);
    private static final String STILL_WRITING = " …";

    private final RoomReplies replies;
    // Where the answer may go when read back as context: the asker's, until the gateway routes the request.
    private volatile Reach reach;
    private final MatrixEvent source;
    private final String purpose;
    private final long intervalNanos;
    private Future<EventId> posted;
    private Future<?> lastSend = Future.succeededFuture();
    private long lastSendNanos;
    private int revision;
    private boolean finished;

    private StreamedReply(RoomReplies replies, MatrixEvent source, String purpose, Duration interval, Reach reach) {
        this.replies = replies;
        this.reach = reach;
        this.source = source;
        this.purpose = purpose;
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Asks and posts the answer as a reply to the question's event. A refusal before anything was posted fails with
     * the {@link UserFacingException}, for the caller to answer; one after a partial answer replaces it.
     */
    public static Future<Posted> answer(ModelPort models, RoomReplies replies, ModelPort.Question question,
            String purpose, Duration interval) {
        StreamedReply reply = new StreamedReply(replies, question.event(), purpose, interval,
                question.caller().reach());
        replies.typing(question.event().roomId(), true);
        return models.ask(question.withRouted(routed -> reply.reach = routed), reply::progress)
                .compose(answer -> reply.finish(answer).map(id -> new Posted(id, answer, reply.reach)),
                        error -> reply.failed(error).map(id -> new Posted(id, "", reply.reach)))
                .eventually(() -> replies.typing(question.event().roomId(), false));
    }

    /**
     * The reply as posted: its event, the answer's whole text (empty when a refusal replaced it), and where it may go
     * as context.
     */
    public record Posted(EventId event, String answer, Reach reach) {}

    synchronized void progress(String soFar) {
        if (finished || soFar.isBlank()) {
            return;
        }
        long now = System.nanoTime();
        if (posted == null) {
            posted = replies.reaching(reach).markdown(source, purpose, soFar + STILL_WRITING);
            lastSend = posted;
            lastSendNanos = now;
        } else if (lastSend.isComplete() && now - lastSendNanos >= intervalNanos) {
            lastSend = editPosted(soFar + STILL_WRITING);
            lastSendNanos = now;
        }
    }

    synchronized Future<EventId> finish(String answer) {
        finished = true;
        if (posted == null) {
            return replies.reaching(reach).markdown(source, purpose, answer);
        }
        // After the edit on its way, whatever became of it: the final text must be the last one sent.
        return lastSend.transform(ignored -> editPosted(answer));
    }

    private synchronized Future<EventId> failed(Throwable error) {
        finished = true;
        if (posted == null || !(error instanceof UserFacingException refusal)) {
            return Future.failedFuture(error);
        }
        return lastSend.transform(ignored -> editPosted(refusal.getMessage()));
    }

    private Future<EventId> editPosted(String text) {
        int number = ++revision;
        return posted.compose(original -> replies.reaching(reach).edit(source, purpose, original, number, text)
                .map(original));
    }
}
