package dev.steward.safety.budget;

import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.policy.PolicyKey;
import java.math.BigDecimal;

/** A member's budget from their policy; a limit of 0 means none. */
public record Limits(long dailyTokens, long monthlyTokens, BigDecimal dailyCost, BigDecimal monthlyCost) {
    public static Limits of(EffectivePolicy policy) {
        return new Limits(policy.get(PolicyKey.DAILY_TOKENS), policy.get(PolicyKey.MONTHLY_TOKENS),
                policy.get(PolicyKey.DAILY_COST), policy.get(PolicyKey.MONTHLY_COST));
    }

    Usage of(Period period) {
        return period == Period.DAY ? new Usage(dailyTokens, dailyCost) : new Usage(monthlyTokens, monthlyCost);
    }
}
