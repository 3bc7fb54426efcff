package dev.steward.safety.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Policy values by key: complete for a role, partial for a member's overrides. Immutable. */
public final class PolicyValues {
    public static final PolicyValues EMPTY = new PolicyValues(Map.of());

    private final Map<PolicyKey<?>, Object> values;

    private PolicyValues(Map<PolicyKey<?>, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public <T> Optional<T> get(PolicyKey<T> key) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(key);
        return Optional.ofNullable(value);
    }

    public <T> PolicyValues with(PolicyKey<T> key, T value) {
        Map<PolicyKey<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new PolicyValues(copy);
    }

    public PolicyValues without(PolicyKey<?> key) {
        Map<PolicyKey<?>, Object> copy = new LinkedHashMap<>(values);
        copy.remove(key);
        return new PolicyValues(copy);
    }

    public Set<PolicyKey<?>> keys() {
        return values.keySet();
    }

    public boolean has(PolicyKey<?> key) {
        return values.containsKey(key);
    }

    /**
     * Reads values given as text ({@code content_filter: strict}).
     *
     * @param where names the place in messages ({@code roles.child})
     * @throws IllegalArgumentException listing every bad key or value, each with its path
     */
    public static PolicyValues parse(Map<String, String> raw, String where) {
        Map<PolicyKey<?>, Object> parsed = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        raw.forEach((name, text) -> {
            Optional<PolicyKey<?>> key = PolicyKey.named(name);
            if (key.isEmpty()) {
                problems.add(where + "." + name + " is not a policy key; the keys are " + PolicyKey.ALL);
                return;
            }
            try {
                parsed.put(key.get(), key.get().parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(where + "." + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new PolicyValues(parsed);
    }

    /** These values with {@code over}'s on top. */
    public PolicyValues overriddenBy(PolicyValues over) {
        Map<PolicyKey<?>, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(over.values);
        return new PolicyValues(merged);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyValues that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        values.forEach((key, value) -> text.append(text.length() > 1 ? ", " : "").append(key).append('=')
                .append(key.show(value)));
        return text.append('}').toString();
    }
}
