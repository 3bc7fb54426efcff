package dev.steward.commands.prompts;

import dev.steward.commands.RoomReplies;
import dev.steward.homeserver.id.EventId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;

/** What a prompt's handler may do: decide it (once), answer in the room, edit the prompt, read its votes. */
public final class PromptActions {
    private final Vertx vertx;
    private final PromptStore store;
    private final RoomReplies replies;
    private final Clock clock;

    PromptActions(Vertx vertx, PromptStore store, RoomReplies replies, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.replies = replies;
        this.clock = clock;
    }

    /**
     * Moves the open prompt to {@code state}, durably; true for the one caller that did it, false for everyone after.
     * Call it before any effect: whoever gets false must not act.
     */
    public Future<Boolean> decide(Prompt prompt, String state) {
        return vertx.executeBlocking(() -> store.decide(prompt.event(), state, clock.instant()), false);
    }

    /** A notice replying to the request that opened the prompt, posted once whatever retries happen. */
    public Future<EventId> reply(Prompt prompt, String purpose, String text) {
        return replies.notice(prompt.request(), prompt.kind() + ":" + purpose, text);
    }

    /** Replaces the prompt's text (an edit); {@code revision} numbers the edits of one prompt. */
    public Future<EventId> edit(Prompt prompt, int revision, String markdown) {
        return replies.edit(prompt.request(), prompt.kind() + ":prompt", prompt.event(), revision, markdown);
    }

    /** The eligible reactions that stand (not withdrawn), oldest first. */
    public Future<List<PromptReaction>> standing(Prompt prompt) {
        return vertx.executeBlocking(() -> store.standing(prompt.event()), false);
    }

    public Clock clock() {
        return clock;
    }
}
