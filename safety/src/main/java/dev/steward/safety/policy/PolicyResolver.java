package dev.steward.safety.policy;

import dev.steward.homeserver.id.UserId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes a member's effective policy: their configured role's values, then the member's overrides on top. A room's
 * power level changes nothing here: it gives powers over that room (see
 * {@link dev.steward.safety.authority.Authority}), never a different policy, so a child who creates a room keeps
 * the child's filter, budget and privacy in it.
 */
public final class PolicyResolver {
    private final Roles roles;
    private final MemberRoles members;

    public PolicyResolver(Roles roles, MemberRoles members) {
        for (String role : members.rolesNamed()) {
            if (!roles.exists(role)) {
                throw new IllegalArgumentException("members names the role '" + role + "', which is not defined;"
                        + " the roles are " + roles.names());
            }
        }
        this.roles = roles;
        this.members = members;
    }

    public EffectivePolicy resolve(UserId member, PolicyValues overrides) {
        String role = members.roleOf(member);
        PolicyValues base = roles.policy(role).orElseThrow();
        Map<PolicyKey<?>, EffectivePolicy.Sourced> fields = new LinkedHashMap<>();
        for (PolicyKey<?> key : PolicyKey.ALL) {
            if (overrides.has(key)) {
                fields.put(key, new EffectivePolicy.Sourced(overrides.get(key).orElseThrow(), new Source.FromOverride()));
            } else {
                fields.put(key, new EffectivePolicy.Sourced(base.get(key).orElseThrow(
                        () -> new IllegalStateException("role " + role + " has no " + key)), new Source.FromRole(role)));
            }
        }
        return new EffectivePolicy(member, role, fields);
    }
}
