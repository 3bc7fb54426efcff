package dev.steward.safety.policy;

import dev.steward.safety.authority.Power;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The roles a space defines, highest first. Each role is a complete policy and a set of Steward's powers (see
 * {@link dev.steward.safety.authority.Authority}). {@link #defaults()} ships admin (every power), adult, child and
 * guest (none); config may change any field of those and add roles.
 */
public final class Roles {
    private final Map<String, PolicyValues> byName;
    private final Map<String, Set<Power>> powers;

    private Roles(Map<String, PolicyValues> byName, Map<String, Set<Power>> powers) {
        this.byName = byName;
        this.powers = powers;
    }

    public static Roles defaults() {
        Map<String, PolicyValues> roles = new LinkedHashMap<>();
        roles.put("admin", PolicyValues.EMPTY
                .with(PolicyKey.COMMANDS, Set.of("*")).with(PolicyKey.MODELS, Set.of("*"))
                .with(PolicyKey.CONTENT_FILTER, "standard").with(PolicyKey.PII, "redact")
                .with(PolicyKey.DAILY_TOKENS, 0L).with(PolicyKey.MONTHLY_TOKENS, 0L)
                .with(PolicyKey.DAILY_COST, new BigDecimal("5.00")).with(PolicyKey.MONTHLY_COST, new BigDecimal("50.00"))
                .with(PolicyKey.QUIET_HOURS, "off").with(PolicyKey.MEMORY_WRITE, true)
                .with(PolicyKey.LOCAL_ONLY, false));
        roles.put("adult", roles.get("admin")
                .with(PolicyKey.DAILY_COST, new BigDecimal("1.00")).with(PolicyKey.MONTHLY_COST, new BigDecimal("20.00")));
        roles.put("child", roles.get("adult")
                .with(PolicyKey.COMMANDS, Set.of("help", "ping", "status", "ask", "remember", "recall", "budget",
                        "policy", "models"))
                .with(PolicyKey.CONTENT_FILTER, "strict").with(PolicyKey.PII, "redact")
                .with(PolicyKey.DAILY_COST, new BigDecimal("0.20")).with(PolicyKey.MONTHLY_COST, new BigDecimal("3.00"))
                .with(PolicyKey.QUIET_HOURS, "21:00-07:00").with(PolicyKey.MEMORY_WRITE, false)
                .with(PolicyKey.LOCAL_ONLY, true));
        roles.put("guest", roles.get("adult")
                .with(PolicyKey.COMMANDS, Set.of("help", "ping", "status", "ask", "models"))
                .with(PolicyKey.CONTENT_FILTER, "strict").with(PolicyKey.PII, "block")
                .with(PolicyKey.DAILY_COST, new BigDecimal("0.10")).with(PolicyKey.MONTHLY_COST, new BigDecimal("1.00"))
                .with(PolicyKey.MEMORY_WRITE, false).with(PolicyKey.LOCAL_ONLY, true));
        Map<String, Set<Power>> powers = new LinkedHashMap<>();
        roles.keySet().forEach(role -> powers.put(role, Set.of()));
        powers.put("admin", Set.copyOf(EnumSet.allOf(Power.class)));
        return new Roles(roles, powers);
    }

    /**
     * These roles with configured changes: a known role takes the given fields, a new role (added after the
     * existing ones, so ranked below them) starts from {@code basedOn} and must name it. Powers, when given, replace
     * the role's; otherwise a new role has those of the role it is based on.
     */
    public Roles with(String name, PolicyValues changes, Optional<String> basedOn, Optional<Set<Power>> newPowers) {
        Map<String, PolicyValues> copy = new LinkedHashMap<>(byName);
        PolicyValues base = byName.containsKey(name)
                ? byName.get(name)
                : byName.get(basedOn.orElseThrow(() -> new IllegalArgumentException(
                        "roles." + name + " is a new role: give it based_on, one of " + names())));
        if (base == null) {
            throw new IllegalArgumentException("roles." + name + ".based_on names no role; the roles are " + names());
        }
        copy.put(name, base.overriddenBy(changes));
        Map<String, Set<Power>> powersCopy = new LinkedHashMap<>(powers);
        String from = byName.containsKey(name) ? name : basedOn.orElseThrow();
        powersCopy.put(name, newPowers.map(Set::copyOf).orElse(powers.get(from)));
        return new Roles(copy, powersCopy);
    }

    /** The same roles, changed only in their policy values. */
    public Roles with(String name, PolicyValues changes, Optional<String> basedOn) {
        return with(name, changes, basedOn, Optional.empty());
    }

    /** The powers a role holds everywhere; none for an unknown role. */
    public Set<Power> powersOf(String role) {
        return powers.getOrDefault(role, Set.of());
    }

    public Optional<PolicyValues> policy(String role) {
        return Optional.ofNullable(byName.get(role));
    }

    public boolean exists(String role) {
        return byName.containsKey(role);
    }

    /** Role names, highest first. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }
}
