package dev.steward.commands.policy;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.safety.authority.Permission;
import dev.steward.safety.authority.Power;
import io.vertx.core.Future;

/** {@code !audit [n]}: the latest audit entries of the space, for those who hold {@code audit.read}. */
public final class AuditCommand {
    private static final int DEFAULT = 10;
    private static final int MAX = 50;

    private final AuditTrail trail;

    private AuditCommand(AuditTrail trail) {
        this.trail = trail;
    }

    public static CommandSpec spec(AuditTrail trail) {
        return CommandSpec.of("audit", "audit [n]", "the latest decisions of the safety rules, in the admins' room",
                new AuditCommand(trail)::handle).always().needing(Permission.of(Power.AUDIT_READ));
    }

    private Future<Void> handle(CommandContext context) {
        int count = count(context.arguments());
        return trail.latest(context.caller(), count)
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
