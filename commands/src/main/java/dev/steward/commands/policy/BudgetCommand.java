package dev.steward.commands.policy;

import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.safety.budget.Period;
import dev.steward.safety.budget.Usage;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** {@code !budget}: what the sender has left today and this month, and when it resets. */
public final class BudgetCommand {
    private final MemberBudgets budgets;

    private BudgetCommand(MemberBudgets budgets) {
        this.budgets = budgets;
    }

    public static CommandSpec spec(MemberBudgets budgets) {
        return CommandSpec.of("budget", "budget", "what you have left to spend on model answers",
                new BudgetCommand(budgets)::handle).always();
    }

    private Future<Void> handle(CommandContext context) {
        return budgets.budget(context.caller())
                .map(BudgetCommand::render)
                .compose(context::reply)
                .mapEmpty();
    }

    static String render(MemberBudgets.Budget budget) {
        return "Your budget (days start at midnight, months on the 1st, " + budget.zone().getId() + "):"
                + "\nToday: " + line(budget.spent().get(Period.DAY), budget.limits().dailyCost(),
                        budget.limits().dailyTokens())
                + "\nThis month: " + line(budget.spent().get(Period.MONTH), budget.limits().monthlyCost(),
                        budget.limits().monthlyTokens());
    }

    private static String line(Usage spent, BigDecimal costLimit, long tokenLimit) {
        String cost = costLimit.signum() == 0
                ? money(spent.cost()) + " spent, no cost limit"
                : money(spent.cost()) + " of " + money(costLimit) + " spent, "
                        + money(costLimit.subtract(spent.cost()).max(BigDecimal.ZERO)) + " left";
        String tokens = tokenLimit == 0
                ? spent.tokens() + " tokens"
                : spent.tokens() + " of " + tokenLimit + " tokens";
        return cost + "; " + tokens;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
