package dev.steward.safety.pii;

import java.util.List;

/** One kind of detection: a cheap gate on the text's shape, then patterns whose candidates a validator confirms. */
interface Detector {
    /** Whether the text can hold a finding of this detector at all (see {@link TextShape}). */
    boolean mayMatch(TextShape shape);

    /**
     * Adds the confirmed findings in {@code text} to {@code out}; they may overlap findings of other detectors.
     * {@code shape} is the shape of {@code text}, for gates on single patterns.
     */
    void find(String text, TextShape shape, List<Finding> out);
}
