package dev.steward.safety.policy;

import dev.steward.homeserver.Glob;
import dev.steward.homeserver.id.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member's policy in one room: one value per key, each with where it came from. Computed by
 * {@link PolicyResolver}; every check Steward makes for a member reads this one value.
 */
public final class EffectivePolicy {
    /** A value and its origin. */
    public record Sourced(Object value, Source source) {}

    private final UserId member;
    private final String role;
    private final Map<PolicyKey<?>, Sourced> fields;

    EffectivePolicy(UserId member, String role, Map<PolicyKey<?>, Sourced> fields) {
        this.member = member;
        this.role = role;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public UserId member() {
        return member;
    }

    /** The role the member acts with here (after any lift by power level). */
    public String role() {
        return role;
    }

    public <T> T get(PolicyKey<T> key) {
        @SuppressWarnings("unchecked")
        T value = (T) fields.get(key).value();
        return value;
    }

    public Source sourceOf(PolicyKey<?> key) {
        return fields.get(key).source();
    }

    public boolean allowsCommand(String command) {
        Set<String> commands = get(PolicyKey.COMMANDS);
        return commands.contains("*") || commands.contains(command);
    }

    /** Whether a model may serve this member: by name, or by a pattern such as {@code local-*}. */
    public boolean allowsModel(String model) {
        return get(PolicyKey.MODELS).stream().anyMatch(pattern -> pattern.equals("*") || pattern.equals(model)
                || (Glob.isGlob(pattern) && Glob.of(pattern).matches(model)));
    }

    /** Whether {@code at} falls in the member's quiet hours, read in the space's time zone. */
    public boolean isQuietAt(Instant at, ZoneId zone) {
        return quietHours(zone).contains(at);
    }

    public QuietHours quietHours(ZoneId zone) {
        return QuietHours.parse(get(PolicyKey.QUIET_HOURS), zone);
    }

    /** One line per key: {@code content_filter = strict (role child)}. */
    public List<String> explain() {
        List<String> lines = new ArrayList<>();
        fields.forEach((key, sourced) ->
                lines.add(key.name() + " = " + key.show(sourced.value()) + " (" + sourced.source() + ")"));
        return lines;
    }
}
