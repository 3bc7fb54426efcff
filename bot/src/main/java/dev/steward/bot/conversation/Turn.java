package dev.steward.bot.conversation;

import dev.steward.homeserver.id.UserId;
import dev.steward.safety.sensitivity.Reach;
import java.time.Instant;
import java.util.Optional;

/**
 * One earlier message as a model sees it: who wrote it (a display name), whether that was Steward, and its text; and
 * what judges where it may go: its sender, when it was sent, and for Steward's own messages the reach they were
 * marked with and whose request they answered.
 */
public record Turn(String name, boolean fromSteward, String text, UserId sender, Instant sentAt,
        Optional<Reach> marked, Optional<UserId> answered) {
    /** The same message with other text (its words as they may leave Steward). */
    public Turn withText(String newText) {
        return new Turn(name, fromSteward, newText, sender, sentAt, marked, answered);
    }
}
