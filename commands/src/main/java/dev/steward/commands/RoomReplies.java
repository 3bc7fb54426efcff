package dev.steward.commands;

import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.safety.sensitivity.Reach;
import io.vertx.core.Future;

/** The port through which commands act in a room; the bot implements it with the client-server API. */
public interface RoomReplies {
    /**
     * Posts an {@code m.notice} as a reply to {@code source} (in its thread, if it was in one). The purpose names
     * the reply among those caused by the same event, so handling the event again never posts it twice.
     */
    Future<EventId> notice(MatrixEvent source, String purpose, String text);

    /** Like {@link #notice}, for Markdown text (a model's answer): posted with its HTML rendering as well. */
    Future<EventId> markdown(MatrixEvent source, String purpose, String markdown);

    /**
     * Replaces the text of Steward's earlier reply {@code original} (an {@code m.replace} edit); {@code revision}
     * numbers the edits of one reply, so handling the event again never posts an edit twice.
     */
    Future<EventId> edit(MatrixEvent source, String purpose, EventId original, int revision, String markdown);

    /** Reacts to {@code target} with {@code key} (Steward pre-seeds the reaction it asks for, so one tap answers). */
    Future<EventId> react(MatrixEvent source, String purpose, EventId target, String key);

    /** Shows (or stops showing) that Steward is typing in the room; failures are not worth reporting. */
    Future<Void> typing(RoomId room, boolean typing);

    /**
     * The same replies, each marked with where its text may go when it is read back as context for a model: the
     * reach of what it repeats (the asker's words, the memories it quotes, the request a model answered).
     */
    RoomReplies reaching(Reach reach);
}
