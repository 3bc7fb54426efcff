package dev.steward.memory;

import java.util.Map;

/**
 * How many memories a room holds: in all, by kind, and how many can already be found by meaning ({@code embedded})
 * versus by words only so far ({@code pending}).
 */
public record Counts(long total, Map<MemoryKind, Long> byKind, long embedded, long pending) {
    public Counts {
        byKind = Map.copyOf(byKind);
    }

    public long of(MemoryKind kind) {
        return byKind.getOrDefault(kind, 0L);
    }
}
