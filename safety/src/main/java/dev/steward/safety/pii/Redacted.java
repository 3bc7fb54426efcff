package dev.steward.safety.pii;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with its PII replaced by placeholders, and the way back. {@link #text()} may leave Steward;
 * the originals never do, and neither {@link #toString()} nor {@link #summary()} shows them.
 */
public final class Redacted {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z_]+_\\d+\\]");

    private final String text;
    private final Map<String, String> originals;
    private final ScanSummary summary;

    Redacted(String text, Map<String, String> originals, ScanSummary summary) {
        this.text = text;
        this.originals = Map.copyOf(originals);
        this.summary = summary;
    }

    /** The text with placeholders instead of PII: what may be sent to a model. */
    public String text() {
        return text;
    }

    /** Types and counts of what was replaced, for logs and the audit log. */
    public ScanSummary summary() {
        return summary;
    }

    /** Whether nothing was replaced, so {@link #text()} is the original text. */
    public boolean isEmpty() {
        return originals.isEmpty();
    }

    /**
     * Puts the original values back into a model's answer. A placeholder may appear any number of times, or not at
     * all; one this redaction did not make (the model invented {@code [PHONE_9]}) is left as it is.
     */
    public String restore(String answer) {
        if (originals.isEmpty() || answer.indexOf('[') < 0) {
            return answer;
        }
        Matcher matcher = PLACEHOLDER.matcher(answer);
        StringBuilder restored = new StringBuilder(answer.length());
        while (matcher.find()) {
            String original = originals.getOrDefault(matcher.group(), matcher.group());
            matcher.appendReplacement(restored, Matcher.quoteReplacement(original));
        }
        matcher.appendTail(restored);
        return restored.toString();
    }

    @Override
    public String toString() {
        return "Redacted[" + summary + ", " + text.length() + " chars]";
    }
}
