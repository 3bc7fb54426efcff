package dev.steward.safety.authority;

import dev.steward.homeserver.id.UserId;
import dev.steward.safety.policy.MemberRoles;
import dev.steward.safety.policy.Roles;
import java.util.List;

/**
 * The one answer to "may this member do this, here". Global powers come only from the member's configured role,
 * whatever their power level anywhere: a child who creates a room is that room's admin, not Steward's. A room power
 * comes with the role too, or with a power level of at least {@code roomAdminLevel} in that room, and then only
 * for that room. Pure and cheap: the caller reads the power level once per event and passes it in the
 * {@link Actor}.
 */
public final class Authority {
    private final Roles roles;
    private final MemberRoles members;
    private final int roomAdminLevel;

    /** @param roomAdminLevel the power level from which a member holds the room powers of that room */
    public Authority(Roles roles, MemberRoles members, int roomAdminLevel) {
        for (String role : members.rolesNamed()) {
            if (!roles.exists(role)) {
                throw new IllegalArgumentException("members names the role '" + role + "', which is not defined;"
                        + " the roles are " + roles.names());
            }
        }
        this.roles = roles;
        this.members = members;
        this.roomAdminLevel = roomAdminLevel;
    }

    /** The member's configured role (never lifted by a power level). */
    public String roleOf(UserId member) {
        return members.roleOf(member);
    }

    public boolean may(Actor actor, Permission permission) {
        return switch (permission) {
            case Permission.Everyone everyone -> true;
            case Permission.Holds holds -> holds(actor, holds.power());
            case Permission.Rule rule -> rule.who().includes(roleOf(actor.member()), actor.member(),
                    actor.powerLevel());
        };
    }

    public boolean holds(Actor actor, Power power) {
        if (roles.powersOf(roleOf(actor.member())).contains(power)) {
            return true;
        }
        return power.scope() == Power.Scope.ROOM && actor.powerLevel() >= roomAdminLevel;
    }

    /** What a member without the permission reads: who has it instead. */
    public String refusal(Permission permission) {
        return switch (permission) {
            case Permission.Everyone everyone -> "";
            case Permission.Holds holds -> refusal(holds.power());
            case Permission.Rule rule -> "Only " + rule.who().describe() + " can do that (" + rule.name() + ").";
        };
    }

    private String refusal(Power power) {
        String holders = holders(power);
        return switch (power.scope()) {
            case GLOBAL -> "Only " + (holders.isEmpty() ? "nobody" : holders) + " can " + power.meaning() + ".";
            case ROOM -> "Only this room's admins (power level " + roomAdminLevel + " here)"
                    + (holders.isEmpty() ? "" : " and " + holders) + " can " + power.meaning() + ".";
        };
    }

    private String holders(Power power) {
        List<String> names = roles.names().stream().filter(role -> roles.powersOf(role).contains(power))
                .map(role -> role + "s").toList();
        return String.join(" and ", names);
    }

    /** For the audit log: which rule a refusal applied. */
    public static String ruleName(Permission permission) {
        return switch (permission) {
            case Permission.Everyone everyone -> "everyone";
            case Permission.Holds holds -> holds.power().key();
            case Permission.Rule rule -> rule.name();
        };
    }
}
