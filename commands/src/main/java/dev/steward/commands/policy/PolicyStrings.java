package dev.steward.commands.policy;

import dev.steward.homeserver.id.UserId;
import dev.steward.safety.audit.AuditEntry;
import dev.steward.safety.policy.EffectivePolicy;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What people read from the policy and audit commands. */
final class PolicyStrings {
    static final String NO_AUDIT_ENTRIES = "The audit log is empty.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private PolicyStrings() {}

    static String policy(EffectivePolicy policy, boolean own) {
        String title = own
                ? "Your policy (role " + policy.role() + "):"
                : "Policy of " + policy.member() + " (role " + policy.role() + "):";
        return title + "\n" + String.join("\n", policy.explain());
    }

    static String set(UserId member, String key, EffectivePolicy now) {
        return "Set " + key + " for " + member + ". " + policy(now, false);
    }

    static String reset(UserId member, int removed) {
        return removed == 0
                ? member + " had no such override."
                : "Removed " + removed + (removed == 1 ? " override" : " overrides") + " of " + member + ".";
    }

    static String audit(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return NO_AUDIT_ENTRIES;
        }
        StringBuilder text = new StringBuilder("Latest audit entries (UTC), newest first:");
        for (AuditEntry entry : entries) {
            text.append('\n').append(TIME.format(entry.at())).append(' ').append(entry.actor()).append(' ')
                    .append(entry.rule()).append(' ').append(entry.action()).append(": ").append(entry.detail());
        }
        return text.toString();
    }
}
