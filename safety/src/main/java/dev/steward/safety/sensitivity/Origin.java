package dev.steward.safety.sensitivity;

import dev.steward.safety.policy.EffectivePolicy;
import java.util.Optional;

/** Who wrote a piece of context, and what was true when they did: what fixes its {@link Reach}. */
public sealed interface Origin {
    /** A member's message; {@code roomWasPrivate}: the room was private when it was written. */
    record Member(EffectivePolicy author, boolean roomWasPrivate) implements Origin {}

    /**
     * One of Steward's own messages: the reach it was marked with when posted (empty for a message Steward did not
     * mark, which is treated as local), and the policy of the member it answered, when known, for personal data it
     * repeats.
     */
    record Steward(Optional<Reach> marked, Optional<EffectivePolicy> answered) implements Origin {}

    /** A memory, with the reach recorded when it was stored. */
    record Memory(Reach stored) implements Origin {}
}
