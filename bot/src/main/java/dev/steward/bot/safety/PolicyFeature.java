package dev.steward.bot.safety;

import dev.steward.bot.Services;
import dev.steward.bot.feature.Feature;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.policy.AuditCommand;
import dev.steward.commands.policy.BudgetCommand;
import dev.steward.commands.policy.PolicyCommand;
import java.util.List;

/** Members' policies as a feature: {@code !policy}, {@code !budget} and {@code !audit}. */
public final class PolicyFeature implements Feature {
    private final Services services;
    private final SpaceAuditTrail trail;

    public PolicyFeature(Services services) {
        this.services = services;
        this.trail = new SpaceAuditTrail(services.vertx(), services.audit(), services.config().safety().adminRoom(),
                services.directRooms(), services.spaces(), services.roomStates());
    }

    @Override
    public String name() {
        return "policy";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(PolicyCommand.spec(services.memberPolicies()), BudgetCommand.spec(services.memberPolicies()),
                AuditCommand.spec(trail));
    }
}
