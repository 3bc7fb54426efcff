package dev.steward.safety.content;

import java.util.Set;

/**
 * A moderation model (Llama Guard, ShieldGemma and the like) that is asked about texts the meaning classifier is
 * unsure about. The application implements it over a local model; safety only decides when to ask and what a
 * failure means. Blocking: called from a worker thread, and expected to give up after its own timeout.
 */
public interface ContentModerator {
    /** The model's judgement of {@code text}. Throws when it cannot be had (timeout, error, unreadable answer). */
    Judgement judge(String text);

    /** What the moderation model said. */
    sealed interface Judgement {
        /** Nothing to hold back. */
        record Safe() implements Judgement {}

        /** Unsafe, in these categories (empty when the model named none of Steward's). */
        record Unsafe(Set<Category> categories) implements Judgement {
            public Unsafe {
                categories = Set.copyOf(categories);
            }
        }
    }
}
