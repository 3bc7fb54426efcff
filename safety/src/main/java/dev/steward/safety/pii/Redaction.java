package dev.steward.safety.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces each finding by a typed placeholder ({@code [EMAIL_1]}, {@code [PHONE_1]}, {@code [PHONE_2]}) before a
 * text leaves Steward. The same value gets the same placeholder every time it occurs, so a model can still tell that
 * two mentions are one address; the originals stay in the returned {@link Redacted} to be put back into the answer.
 */
public final class Redaction {
    private Redaction() {}

    /**
     * @param findings findings of a scan of {@code text}; they must lie inside it and must not overlap (a
     *     {@link PiiScanner} result never does)
     */
    public static Redacted redact(String text, List<Finding> findings) {
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparingInt(Finding::start));
        for (int i = 0; i < ordered.size(); i++) {
            Finding finding = ordered.get(i);
            if (finding.end() > text.length()) {
                throw new IllegalArgumentException(finding + " lies outside a text of " + text.length() + " chars");
            }
            if (i > 0 && ordered.get(i - 1).overlaps(finding)) {
                throw new IllegalArgumentException(ordered.get(i - 1) + " overlaps " + finding);
            }
        }

        Map<String, String> placeholderOf = new HashMap<>(); // type + value -> placeholder
        Map<String, String> originals = new LinkedHashMap<>(); // placeholder -> value
        Map<PiiType, Integer> lastNumber = new EnumMap<>(PiiType.class);
        StringBuilder redacted = new StringBuilder(text.length());
        int copied = 0;
        for (Finding finding : ordered) {
            String value = finding.valueIn(text);
            String placeholder = placeholderOf.computeIfAbsent(finding.type() + "\u0000" + value,
                    key -> nextPlaceholder(finding.type(), lastNumber, text));
            originals.putIfAbsent(placeholder, value);
            redacted.append(text, copied, finding.start()).append(placeholder);
            copied = finding.end();
        }
        redacted.append(text, copied, text.length());
        return new Redacted(redacted.toString(), originals, ScanSummary.of(ordered));
    }

    // A number whose placeholder the member already typed themselves is skipped, so restoring the answer can never
    // turn their literal "[EMAIL_1]" into someone's address.
    private static String nextPlaceholder(PiiType type, Map<PiiType, Integer> lastNumber, String text) {
        String placeholder;
        do {
            int number = lastNumber.merge(type, 1, Integer::sum);
            placeholder = "[" + type.name() + "_" + number + "]";
        } while (text.contains(placeholder));
        return placeholder;
    }
}
