package dev.steward.safety.budget;

import java.math.BigDecimal;

/** Tokens and cost: an estimate to reserve, a real usage to settle, or what was spent in a period. */
public record Usage(long tokens, BigDecimal cost) {
    public static final Usage NONE = new Usage(0, BigDecimal.ZERO);

    public Usage {
        if (tokens < 0 || cost.signum() < 0) {
            throw new IllegalArgumentException("usage cannot be negative");
        }
    }

    public Usage plus(Usage other) {
        return new Usage(tokens + other.tokens, cost.add(other.cost));
    }
}
