package dev.steward.safety.pii;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scan found, as types and counts only (for example {@code {EMAIL=1, PHONE=2}}), so it can go into logs and
 * the audit log. It cannot hold a value: it is built from {@link Finding}s, which hold positions only.
 */
public final class ScanSummary {
    private static final ScanSummary EMPTY = new ScanSummary(new EnumMap<>(PiiType.class));

    private final Map<PiiType, Integer> counts;

    private ScanSummary(EnumMap<PiiType, Integer> counts) {
        this.counts = Collections.unmodifiableMap(counts);
    }

    public static ScanSummary of(List<Finding> findings) {
        if (findings.isEmpty()) {
            return EMPTY;
        }
        EnumMap<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
        for (Finding finding : findings) {
            counts.merge(finding.type(), 1, Integer::sum);
        }
        return new ScanSummary(counts);
    }

    /** Counts per type, in the order of {@link PiiType}; types not found are absent. */
    public Map<PiiType, Integer> counts() {
        return counts;
    }

    public int count(PiiType type) {
        return counts.getOrDefault(type, 0);
    }

    public Set<PiiType> types() {
        return counts.keySet();
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScanSummary summary && counts.equals(summary.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
