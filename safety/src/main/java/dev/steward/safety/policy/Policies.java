package dev.steward.safety.policy;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.audit.AuditEntry;
import dev.steward.safety.audit.AuditLog;
import java.util.List;
import java.util.Optional;

/**
 * Members' policies: the effective policy, and changes to overrides, which only admins may make. Every change and
 * every refused attempt is written to the audit log. Blocking (JDBC): call it from a worker thread.
 */
public final class Policies {
    static final String ADMIN = "admin";

    private final PolicyResolver resolver;
    private final OverrideStore overrides;
    private final AuditLog audit;

    public Policies(PolicyResolver resolver, OverrideStore overrides, AuditLog audit) {
        this.resolver = resolver;
        this.overrides = overrides;
        this.audit = audit;
    }

    public EffectivePolicy effective(UserId member, int powerLevel) {
        return resolver.resolve(member, powerLevel, overrides.overridesOf(member));
    }

    /** Sets one override; {@code byPowerLevel} is the changer's power level in the room where they asked. */
    public EffectivePolicy set(RoomId room, UserId by, int byPowerLevel, UserId member, String keyName, String text,
            int memberPowerLevel) {
        requireAdmin(room, by, byPowerLevel, "set " + keyName + " for " + member);
        PolicyKey<?> key = key(keyName);
        setParsed(member, key, text, by);
        audit.record(by, Optional.of(room), "policy", "set", keyName + " = " + text.strip() + " for " + member);
        return effective(member, memberPowerLevel);
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
    public int reset(RoomId room, UserId by, int byPowerLevel, UserId member, Optional<String> keyName) {
        requireAdmin(room, by, byPowerLevel, "reset " + keyName.orElse("all overrides") + " of " + member);
        Optional<PolicyKey<?>> key = keyName.map(Policies::key);
        int removed = overrides.reset(member, key);
        audit.record(by, Optional.of(room), "policy", "reset",
                keyName.orElse("all overrides") + " of " + member + " (" + removed + " removed)");
        return removed;
    }

    /** The latest audit entries, for admins only. */
    public List<AuditEntry> audit(RoomId room, UserId by, int byPowerLevel, int count) {
        requireAdmin(room, by, byPowerLevel, "read the audit log");
        return audit.latest(count);
    }

    /** Whether the member acts as an admin in this room. */
    public boolean isAdmin(UserId member, int powerLevel) {
        return ADMIN.equals(effective(member, powerLevel).role());
    }

    private void requireAdmin(RoomId room, UserId by, int powerLevel, String attempt) {
        if (!isAdmin(by, powerLevel)) {
            audit.record(by, Optional.of(room), "policy", "refused", "not an admin: tried to " + attempt);
            throw new PolicyRefusal("Only admins can do that.");
        }
    }

    private static PolicyKey<?> key(String name) {
        return PolicyKey.named(name).orElseThrow(() -> new PolicyRefusal(
                "There is no policy key '" + name + "'. The keys are: " + PolicyKey.ALL + "."));
    }
}
