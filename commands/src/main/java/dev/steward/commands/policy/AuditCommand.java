package dev.steward.commands.policy;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import io.vertx.core.Future;

/** {@code !audit [n]}: the latest audit entries, for admins. */
public final class AuditCommand {
    private static final int DEFAULT = 10;
    private static final int MAX = 50;

    private final MemberPolicies policies;

    private AuditCommand(MemberPolicies policies) {
        this.policies = policies;
    }

    public static CommandSpec spec(MemberPolicies policies) {
        return CommandSpec.everyone("audit", "audit [n]", "the latest decisions of the safety rules (admins)",
                new AuditCommand(policies)::handle);
    }

    private Future<Void> handle(CommandContext context) {
        int count = count(context.arguments());
        return PolicyCommand.refusalsForPeople(
                        policies.audit(context.event().roomId(), context.event().sender(), count))
                .map(PolicyStrings::audit)
                .compose(context::reply)
                .mapEmpty();
    }

    static int count(String text) {
        if (text.isBlank()) {
            return DEFAULT;
        }
        try {
            int count = Integer.parseInt(text.strip());
            if (count < 1 || count > MAX) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new BadArgumentsException("Give a number of entries from 1 to " + MAX + ".");
        }
    }
}
