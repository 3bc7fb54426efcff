package dev.steward.safety.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Resolves findings that cover the same characters. Detectors run independently, so an IBAN also looks like a phone
 * number in part, and a password value may also be a card number. The longest finding wins, because it explains the
 * most of the text (a whole IBAN rather than the digits inside it); among equally long ones the more specific type
 * wins, the one whose validator is strictest.
 */
final class Overlaps {
    // Most specific first: a secret or a checksum-confirmed number says more than a pattern that merely fits.
    private static final List<PiiType> SPECIFICITY = List.of(PiiType.SECRET, PiiType.CREDIT_CARD, PiiType.IBAN,
            PiiType.NATIONAL_ID, PiiType.EMAIL, PiiType.IP_ADDRESS, PiiType.PHONE, PiiType.STREET_ADDRESS);

    private static final Comparator<Finding> PREFERENCE = Comparator.comparingInt(Finding::length).reversed()
            .thenComparingInt(finding -> SPECIFICITY.indexOf(finding.type()))
            .thenComparingInt(Finding::start);

    private Overlaps() {}

    /** The findings that survive, without overlaps and ordered by position. */
    static List<Finding> resolve(List<Finding> candidates) {
        if (candidates.size() < 2) {
            return List.copyOf(candidates);
        }
        List<Finding> preferred = new ArrayList<>(candidates);
        preferred.sort(PREFERENCE);
        List<Finding> kept = new ArrayList<>();
        // Quadratic, but a text holds a handful of candidates; a tree would cost more than it saves here.
        for (Finding candidate : preferred) {
            if (kept.stream().noneMatch(candidate::overlaps)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(kept);
    }
}
