package dev.steward.safety.policy;

import dev.steward.homeserver.id.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Computes a member's effective policy in a room: the role's values (the member's own role, or a higher one the
 * room's power level lifts them to, where config says so), then the member's overrides on top.
 */
public final class PolicyResolver {
    private final Roles roles;
    private final MemberRoles members;
    private final NavigableMap<Integer, String> liftsByPowerLevel;

    /**
     * @param lifts power level thresholds and the role each gives ({@code 100 -> admin}); a lift never lowers
     */
    public PolicyResolver(Roles roles, MemberRoles members, Map<Integer, String> lifts) {
        for (String role : members.rolesNamed()) {
            requireRole(roles, role, "members");
        }
        lifts.values().forEach(role -> requireRole(roles, role, "power_level_roles"));
        this.roles = roles;
        this.members = members;
        this.liftsByPowerLevel = new TreeMap<>(lifts);
    }

    private static void requireRole(Roles roles, String role, String where) {
        if (!roles.exists(role)) {
            throw new IllegalArgumentException(where + " names the role '" + role + "', which is not defined; the roles"
                    + " are " + roles.names());
        }
    }

    public EffectivePolicy resolve(UserId member, int powerLevel, PolicyValues overrides) {
        String own = members.roleOf(member);
        Map.Entry<Integer, String> lift = liftsByPowerLevel.floorEntry(powerLevel);
        boolean lifted = lift != null && roles.ranksAbove(lift.getValue(), own);
        String role = lifted ? lift.getValue() : own;
        Source roleSource = lifted ? new Source.FromRoom(role, powerLevel) : new Source.FromRole(role);

        PolicyValues base = roles.policy(role).orElseThrow();
        Map<PolicyKey<?>, EffectivePolicy.Sourced> fields = new LinkedHashMap<>();
        for (PolicyKey<?> key : PolicyKey.ALL) {
            if (overrides.has(key)) {
                fields.put(key, new EffectivePolicy.Sourced(overrides.get(key).orElseThrow(), new Source.FromOverride()));
            } else {
                fields.put(key, new EffectivePolicy.Sourced(base.get(key).orElseThrow(
                        () -> new IllegalStateException("role " + role + " has no " + key)), roleSource));
            }
        }
        return new EffectivePolicy(member, role, fields);
    }
}
