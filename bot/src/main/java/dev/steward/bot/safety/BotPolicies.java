package dev.steward.bot.safety;

import dev.steward.commands.Caller;
import dev.steward.commands.policy.MemberBudgets;
import dev.steward.commands.policy.MemberPolicies;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.budget.Budgets;
import dev.steward.safety.budget.Limits;
import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.policy.Policies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Members' policies and budgets for commands: the safety module, asked on a worker thread (it reads H2). */
public final class BotPolicies implements MemberPolicies, MemberBudgets {
    private final Vertx vertx;
    private final Policies policies;
    private final Budgets budgets;

    public BotPolicies(Vertx vertx, Policies policies, Budgets budgets) {
        this.vertx = vertx;
        this.policies = policies;
        this.budgets = budgets;
    }

    @Override
    public Future<Budget> budget(Caller member) {
        return blocking(() -> new Budget(Limits.of(member.policy()), budgets.spent(member.member()), budgets.zone()));
    }

    @Override
    public Future<EffectivePolicy> effective(UserId member) {
        return blocking(() -> policies.effective(member));
    }

    @Override
    public Future<EffectivePolicy> set(Caller by, UserId member, String key, String value) {
        return blocking(() -> policies.set(by.room(), by.member(), member, key, value));
    }

    @Override
    public Future<Integer> reset(Caller by, UserId member, Optional<String> key) {
        return blocking(() -> policies.reset(by.room(), by.member(), member, key));
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
