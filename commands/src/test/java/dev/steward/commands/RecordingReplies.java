package dev.steward.commands;

import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.safety.sensitivity.Reach;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** The {@link RoomReplies} port in memory: keeps every notice, edit and reaction. */
public final class RecordingReplies implements RoomReplies {
    /** One notice as it would have been posted. */
    public record Notice(MatrixEvent source, String purpose, String text) {}

    /** One edit of an earlier notice. */
    public record Edit(EventId original, int revision, String text) {}


    private final List<Notice> notices = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    private final List<Boolean> typing = new ArrayList<>();
    private final List<String> reactions = new ArrayList<>();
    private final List<Reach> reaches = new ArrayList<>();
    private boolean failSending;

    /** Every notice fails to send, as when the homeserver is down. */
    public RecordingReplies failSending() {
        this.failSending = true;
        return this;
    }


    public List<Notice> notices() {
        return notices;
    }

    public synchronized List<Edit> edits() {
        return List.copyOf(edits);
    }

    /** Each typing notification sent, in order: true for started, false for stopped. */
    public synchronized List<Boolean> typing() {
        return List.copyOf(typing);
    }


    /** The text of the only notice posted. */
    public String onlyText() {
        if (notices.size() != 1) {
            throw new AssertionError("expected one notice, got " + notices);
        }
        return notices.get(0).text();
    }

    @Override
    public Future<EventId> markdown(MatrixEvent source, String purpose, String markdown) {
        return notice(source, purpose, markdown);
    }

    @Override
    public synchronized Future<EventId> edit(MatrixEvent source, String purpose, EventId original, int revision,
            String markdown) {
        if (failSending) {
            return Future.failedFuture(new IllegalStateException("homeserver unreachable"));
        }
        edits.add(new Edit(original, revision, markdown));
        return Future.succeededFuture(EventId.of("$edit" + edits.size()));
    }

    @Override
    public synchronized Future<EventId> react(MatrixEvent source, String purpose, EventId target, String key) {
        reactions.add(key + " " + target.value());
        return Future.succeededFuture(EventId.of("$reaction" + reactions.size()));
    }

    /** Reactions sent, as "key target". */
    public synchronized List<String> reactions() {
        return List.copyOf(reactions);
    }

    /** The reach each reply was marked with, in order of marking. */
    public synchronized List<Reach> reaches() {
        return List.copyOf(reaches);
    }

    /** One recorder for every reach: what was marked is kept in {@link #reaches()}. */
    @Override
    public synchronized RoomReplies reaching(Reach reach) {
        reaches.add(reach);
        return this;
    }

    @Override
    public synchronized Future<Void> typing(RoomId room, boolean on) {
        typing.add(on);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<EventId> notice(MatrixEvent source, String purpose, String text) {
        if (failSending) {
            return Future.failedFuture(new IllegalStateException("homeserver unreachable"));
        }
        notices.add(new Notice(source, purpose, text));
        return Future.succeededFuture(EventId.of("$reply" + notices.size()));
    }
}
