package dev.steward.safety.authority;

import dev.steward.homeserver.Glob;
import dev.steward.homeserver.id.UserId;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of people as config names them: by role, by power level in the room where they act, or by Matrix id or
 * glob. Features use it for their own rules (who responds to an incident, who approves an action).
 *
 * @param powerLevel anyone at this power level or above in the room, when present; it never reaches another room
 */
public record Who(Set<String> roles, OptionalInt powerLevel, List<Glob> users) {
    public static final Who NOBODY = new Who(Set.of(), OptionalInt.empty(), List.of());

    public Who {
        roles = Set.copyOf(roles);
        users = List.copyOf(users);
    }

    public static Who roles(Set<String> roles) {
        return new Who(roles, OptionalInt.empty(), List.of());
    }

    boolean includes(String role, UserId member, int levelHere) {
        return roles.contains(role)
                || (powerLevel.isPresent() && levelHere >= powerLevel.getAsInt())
                || users.stream().anyMatch(glob -> glob.matches(member.value()));
    }

    /** "admins, power level 50 in the room, @anna:example.org". */
    public String describe() {
        StringBuilder text = new StringBuilder(roles.stream().sorted().map(role -> role + "s")
                .collect(Collectors.joining(", ")));
        powerLevel.ifPresent(level -> append(text, "power level " + level + " in the room"));
        users.forEach(glob -> append(text, glob.toString()));
        return text.isEmpty() ? "nobody" : text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (!text.isEmpty()) {
            text.append(", ");
        }
        text.append(part);
    }
}
