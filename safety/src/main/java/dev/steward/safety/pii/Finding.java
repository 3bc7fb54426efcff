package dev.steward.safety.pii;

import java.util.Objects;

/**
 * Where one piece of PII sits in a scanned text: its type and the half-open range {@code [start, end)}. A finding
 * holds positions only, never the value, so it can be logged or kept without copying the data it points at; the value
 * is read back from the original text with {@link #valueIn(String)}.
 */
public record Finding(PiiType type, int start, int end) {
    public Finding {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }

    /** The matched text in {@code text}, which must be the text this finding came from. */
    public String valueIn(String text) {
        return text.substring(start, end);
    }

    public int length() {
        return end - start;
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    @Override
    public String toString() {
        // Explicit rather than the record default so that adding a field can never put a value into a log line.
        return "Finding[" + type + " " + start + ".." + end + "]";
    }
}
