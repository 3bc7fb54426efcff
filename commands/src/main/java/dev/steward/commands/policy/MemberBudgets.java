package dev.steward.commands.policy;

import dev.steward.commands.Caller;
import dev.steward.safety.budget.Limits;
import dev.steward.safety.budget.Period;
import dev.steward.safety.budget.Usage;
import io.vertx.core.Future;
import java.time.ZoneId;
import java.util.Map;

/** The port through which commands read a member's budget; the bot implements it over the safety module. */
public interface MemberBudgets {
    /** The member's limits, what they spent this day and month, and the zone the periods reset in. */
    record Budget(Limits limits, Map<Period, Usage> spent, ZoneId zone) {}

    Future<Budget> budget(Caller member);
}
