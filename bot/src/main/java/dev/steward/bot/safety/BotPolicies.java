package dev.steward.bot.safety;

import dev.steward.commands.policy.MemberBudgets;
import dev.steward.commands.policy.MemberPolicies;
import dev.steward.safety.budget.Budgets;
import dev.steward.safety.budget.Limits;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.PowerLevels;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.audit.AuditEntry;
import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.policy.Policies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;

/**
 * Members' policies for commands: reads the room's power levels through the client-server API, then asks the
 * safety module on a worker thread (it reads H2).
 */
public final class BotPolicies implements MemberPolicies, MemberBudgets {
    private final Vertx vertx;
    private final MatrixClient bot;
    private final Policies policies;
    private final Budgets budgets;

    public BotPolicies(Vertx vertx, MatrixClient bot, Policies policies, Budgets budgets) {
        this.vertx = vertx;
        this.bot = bot;
        this.policies = policies;
        this.budgets = budgets;
    }

    @Override
    public Future<Budget> budget(RoomId room, UserId member) {
        return effective(room, member).compose(policy -> blocking(
                () -> new Budget(Limits.of(policy), budgets.spent(member), budgets.zone())));
    }

    private Future<PowerLevels> levels(RoomId room) {
        return bot.powerLevels(room);
    }

    @Override
    public Future<EffectivePolicy> effective(RoomId room, UserId member) {
        return levels(room).compose(levels -> blocking(() -> policies.effective(member, levels.userLevel(member))));
    }

    @Override
    public Future<Boolean> isAdmin(RoomId room, UserId member) {
        return levels(room).compose(levels -> blocking(() -> policies.isAdmin(member, levels.userLevel(member))));
    }

    @Override
    public Future<EffectivePolicy> set(RoomId room, UserId by, UserId member, String key, String value) {
        return levels(room).compose(levels -> blocking(() -> policies.set(room, by, levels.userLevel(by), member, key,
                value, levels.userLevel(member))));
    }

    @Override
    public Future<Integer> reset(RoomId room, UserId by, UserId member, Optional<String> key) {
        return levels(room).compose(levels -> blocking(
                () -> policies.reset(room, by, levels.userLevel(by), member, key)));
    }

    @Override
    public Future<List<AuditEntry>> audit(RoomId room, UserId by, int count) {
        return levels(room).compose(levels -> blocking(() -> policies.audit(room, by, levels.userLevel(by), count)));
    }

    private <T> Future<T> blocking(java.util.concurrent.Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
