package dev.steward.safety.policy;

import dev.steward.homeserver.Glob;
import dev.steward.homeserver.id.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who has which role: exact Matrix ids first, then globs ({@code @*:family.example}) in the order given, then the
 * default role for everyone else.
 */
public final class MemberRoles {
    /** One line of config: a Matrix id or glob and the role it gives. */
    public record Assignment(String member, String role) {}

    private final Map<String, String> exact = new LinkedHashMap<>();
    private final Map<Glob, String> globs = new LinkedHashMap<>();
    private final String defaultRole;

    public MemberRoles(List<Assignment> assignments, String defaultRole) {
        for (Assignment assignment : assignments) {
            if (Glob.isGlob(assignment.member())) {
                globs.put(Glob.of(assignment.member()), assignment.role());
            } else {
                exact.put(assignment.member(), assignment.role());
            }
        }
        this.defaultRole = defaultRole;
    }

    public String roleOf(UserId member) {
        String role = exact.get(member.value());
        if (role != null) {
            return role;
        }
        return globs.entrySet().stream()
                .filter(entry -> entry.getKey().matches(member.value()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(defaultRole);
    }

    /** Every role named here, to check against the defined roles at start. */
    public List<String> rolesNamed() {
        return Stream.concat(Stream.concat(exact.values().stream(), globs.values().stream()), Stream.of(defaultRole))
                .distinct().toList();
    }
}
