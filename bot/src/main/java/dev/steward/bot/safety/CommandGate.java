package dev.steward.bot.safety;

import dev.steward.commands.Invocation;
import dev.steward.commands.policy.MemberPolicies;
import dev.steward.safety.audit.AuditLog;
import dev.steward.safety.policy.EffectivePolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a member's policy before a command runs: the command must be on the member's allow-list, and outside
 * the member's quiet hours, unless it is one of the commands that are always available. A refusal is audited and
 * returned as the text to answer with.
 */
public final class CommandGate {
    /** Commands that work whatever the policy says: they only show or explain. */
    static final Set<String> ALWAYS_AVAILABLE = Set.of("help", "ping", "status", "policy", "budget", "audit",
            "models", "model", "private", "memory");

    private final Vertx vertx;
    private final MemberPolicies policies;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final String prefix;

    public CommandGate(Vertx vertx, MemberPolicies policies, AuditLog audit, Clock clock, ZoneId zone,
            String prefix) {
        this.vertx = vertx;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.prefix = prefix;
    }

    /** Empty when the command may run; otherwise the refusal to answer with. */
    public Future<Optional<String>> check(Invocation invocation, boolean knownCommand) {
        String name = invocation.name();
        if (!knownCommand || ALWAYS_AVAILABLE.contains(name)) {
            return Future.succeededFuture(Optional.empty());
        }
        return policies.effective(invocation.event().roomId(), invocation.event().sender())
                .compose(policy -> refusal(policy, name)
                        .map(refusal -> recorded(invocation, name, refusal))
                        .orElseGet(() -> Future.succeededFuture(Optional.empty())));
    }

    /** Which rule refused, for the audit log, and what the member reads. */
    private record Refusal(String rule, String text) {}

    private Optional<Refusal> refusal(EffectivePolicy policy, String command) {
        if (!policy.allowsCommand(command)) {
            return Optional.of(new Refusal("commands", GateStrings.notAllowed(prefix, command)));
        }
        if (policy.isQuietAt(clock.instant(), zone)) {
            return Optional.of(new Refusal("quiet_hours", GateStrings.quietHours(policy.quietHours(zone).endsAt())));
        }
        return Optional.empty();
    }

    private Future<Optional<String>> recorded(Invocation invocation, String command, Refusal refusal) {
        return vertx.executeBlocking(() -> {
            audit.record(invocation.event().sender(), Optional.of(invocation.event().roomId()), refusal.rule(),
                    "refused", "command " + command);
            return Optional.of(refusal.text());
        }, false);
    }
}
