package dev.steward.safety.policy;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.audit.AuditLog;
import java.util.Optional;

/**
 * Members' policies: the effective policy, and changes to overrides. Who may change them is
 * {@link dev.steward.safety.authority.Authority}'s to say ({@code policy.change}), checked where the change is asked
 * for; every change is written to the audit log here. Blocking (JDBC): call it from a worker thread.
 */
public final class Policies {
    private final PolicyResolver resolver;
    private final OverrideStore overrides;
    private final AuditLog audit;

    public Policies(PolicyResolver resolver, OverrideStore overrides, AuditLog audit) {
        this.resolver = resolver;
        this.overrides = overrides;
        this.audit = audit;
    }

    public EffectivePolicy effective(UserId member) {
        return resolver.resolve(member, overrides.overridesOf(member));
    }

    /** Sets one override, asked for by {@code by} in {@code room}; the member's policy afterwards. */
    public EffectivePolicy set(RoomId room, UserId by, UserId member, String keyName, String text) {
        PolicyKey<?> key = key(keyName);
        setParsed(member, key, text, by);
        audit.record(by, Optional.of(room), "policy", "set", keyName + " = " + text.strip() + " for " + member);
        return effective(member);
    }

    private <T> void setParsed(UserId member, PolicyKey<T> key, String text, UserId by) {
        T value;
        try {
            value = key.parse(text);
        } catch (IllegalArgumentException e) {
            throw new PolicyRefusal(e.getMessage());
        }
        overrides.set(member, key, value, by);
    }

    /** Removes one override, or all of the member's; returns how many were removed. */
    public int reset(RoomId room, UserId by, UserId member, Optional<String> keyName) {
        Optional<PolicyKey<?>> key = keyName.map(Policies::key);
        int removed = overrides.reset(member, key);
        audit.record(by, Optional.of(room), "policy", "reset",
                keyName.orElse("all overrides") + " of " + member + " (" + removed + " removed)");
        return removed;
    }

    private static PolicyKey<?> key(String name) {
        return PolicyKey.named(name).orElseThrow(() -> new PolicyRefusal(
                "There is no policy key '" + name + "'. The keys are: " + PolicyKey.ALL + "."));
    }
}
