package dev.steward.safety.sensitivity;

import java.util.Locale;
import java.util.Optional;

/** Where a piece of text may go: to any model the member may use, or only to models configured local. */
public enum Reach {
    ANYWHERE, LOCAL;

    /** The stricter of the two: one local piece makes the whole local. */
    public Reach and(Reach other) {
        return this == LOCAL || other == LOCAL ? LOCAL : ANYWHERE;
    }

    /** How Steward writes it on its own messages ({@code dev.steward.reach}). */
    public String mark() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Reach> fromMark(String mark) {
        for (Reach reach : values()) {
            if (reach.mark().equals(mark)) {
                return Optional.of(reach);
            }
        }
        return Optional.empty();
    }
}
