package dev.steward.safety.budget;

import java.time.ZonedDateTime;
import java.util.Optional;

/** The answer to a reservation. */
public sealed interface BudgetDecision {
    /**
     * The estimate is reserved; settle it with the real usage. {@code nearLimit} is set once per period, the first
     * time the member passes the warning share of a limit.
     */
    record Reserved(long reservationId, Optional<Period> nearLimit) implements BudgetDecision {}

    /** Refused: the period's limit would be passed; the budget is new again at {@code resetsAt}. */
    record OverBudget(Period period, ZonedDateTime resetsAt) implements BudgetDecision {}
}
