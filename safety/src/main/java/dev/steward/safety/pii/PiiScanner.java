package dev.steward.safety.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds PII in text that may leave Steward. Each detector proposes candidates by pattern and confirms them with a
 * validator (checksum, number plan, IANA top-level domains, ...), so numbers that merely look like PII are not
 * flagged; overlapping findings are then resolved so that each character belongs to at most one finding.
 *
 * <p>Thread-safe: patterns are compiled once and every scan uses its own matchers.
 */
public final class PiiScanner {
    /**
     * Regions whose national phone formats are recognised; numbers written internationally ({@code +44 ...},
     * {@code 0049 ...}) are recognised for every region.
     */
    public static final List<String> DEFAULT_PHONE_REGIONS = List.of("US", "GB", "DE", "FR", "ES");

    private final List<Detector> detectors;

    public PiiScanner() {
        this(DEFAULT_PHONE_REGIONS);
    }

    /** @param phoneRegions ISO 3166 region codes whose national phone formats to recognise */
    public PiiScanner(List<String> phoneRegions) {
        this.detectors = List.of(new SecretDetector(), new SpokenSecrets(), new EmailDetector(), new CardDetector(),
                new IbanDetector(), new NationalIdDetector(), new IpAddressDetector(), new PhoneDetector(phoneRegions),
                new StreetAddressDetector());
    }

    /** The PII in {@code text}, without overlaps, ordered by position. */
    public List<Finding> scan(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        TextShape shape = TextShape.of(text);
        List<Finding> candidates = new ArrayList<>();
        for (Detector detector : detectors) {
            if (detector.mayMatch(shape)) {
                detector.find(text, shape, candidates);
            }
        }
        return Overlaps.resolve(candidates);
    }
}
