package dev.steward.safety.policy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One field of a member's policy, with the name people use for it ({@code budget.daily}) and how its value is read
 * from text and shown. The keys are the same in config, in overrides and in {@code !policy set}.
 *
 * @param <T> the value's type
 */
public final class PolicyKey<T> {
    public static final PolicyKey<Set<String>> COMMANDS = new PolicyKey<>("commands",
            "commands the member may use (* for all)", PolicyKey::names, PolicyKey::showNames);
    public static final PolicyKey<Set<String>> MODELS = new PolicyKey<>("models",
            "models the member may use: names or patterns such as local-*", PolicyKey::names, PolicyKey::showNames);
    public static final PolicyKey<String> CONTENT_FILTER = new PolicyKey<>("content_filter",
            "off, standard or strict", text -> oneOf(text, "off", "standard", "strict"), Function.identity());
    public static final PolicyKey<String> PII = new PolicyKey<>("pii",
            "what happens to personal data: redact, local_only, block or allow",
            text -> oneOf(text, "redact", "local_only", "block", "allow"), Function.identity());
    public static final PolicyKey<Long> DAILY_TOKENS = new PolicyKey<>("budget.daily_tokens",
            "tokens per day (0 for none)", PolicyKey::count, String::valueOf);
    public static final PolicyKey<Long> MONTHLY_TOKENS = new PolicyKey<>("budget.monthly_tokens",
            "tokens per month (0 for none)", PolicyKey::count, String::valueOf);
    public static final PolicyKey<BigDecimal> DAILY_COST = new PolicyKey<>("budget.daily",
            "cost per day, in the configured currency", PolicyKey::money, BigDecimal::toPlainString);
    public static final PolicyKey<BigDecimal> MONTHLY_COST = new PolicyKey<>("budget.monthly",
            "cost per month, in the configured currency", PolicyKey::money, BigDecimal::toPlainString);
    public static final PolicyKey<String> QUIET_HOURS = new PolicyKey<>("quiet_hours",
            "a daily window such as 21:00-07:00, or off", PolicyKey::window, Function.identity());
    public static final PolicyKey<Boolean> MEMORY_WRITE = new PolicyKey<>("memory_write",
            "whether the member's messages may be remembered: true or false", PolicyKey::bool, String::valueOf);
    public static final PolicyKey<Boolean> LOCAL_ONLY = new PolicyKey<>("local_only",
            "whether the member's requests must stay on local models: true or false", PolicyKey::bool,
            String::valueOf);

    /** Every key, in the order {@code !policy} shows them. */
    public static final List<PolicyKey<?>> ALL = List.of(COMMANDS, MODELS, CONTENT_FILTER, PII, DAILY_TOKENS,
            MONTHLY_TOKENS, DAILY_COST, MONTHLY_COST, QUIET_HOURS, MEMORY_WRITE, LOCAL_ONLY);
    private static final Map<String, PolicyKey<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(PolicyKey::name, Function.identity()));

    private final String name;
    private final String meaning;
    private final Function<String, T> parser;
    private final Function<T, String> printer;

    private PolicyKey(String name, String meaning, Function<String, T> parser, Function<T, String> printer) {
        this.name = name;
        this.meaning = meaning;
        this.parser = parser;
        this.printer = printer;
    }

    public static Optional<PolicyKey<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    public String name() {
        return name;
    }

    /** What the key means and the values it takes, for error messages and help. */
    public String meaning() {
        return meaning;
    }

    /**
     * @throws IllegalArgumentException naming the key and what it takes
     */
    public T parse(String text) {
        try {
            return parser.apply(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage() + " (" + meaning + ")");
        }
    }

    /** Shows a value of this key, the way {@link #parse} reads it back. */
    public String show(Object value) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return printer.apply(typed);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Set<String> names(String text) {
        Set<String> names = Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
        if (names.isEmpty() && !text.isBlank()) {
            throw new IllegalArgumentException("no names in '" + text + "'");
        }
        return Set.copyOf(names);
    }

    private static String showNames(Set<String> names) {
        return names.isEmpty() ? "none" : names.stream().sorted().collect(Collectors.joining(", "));
    }

    private static String oneOf(String text, String... allowed) {
        String value = text.toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(value)) {
            throw new IllegalArgumentException("'" + text + "' is not one of " + String.join(", ", allowed));
        }
        return value;
    }

    private static Long count(String text) {
        try {
            long value = Long.parseLong(text.replace("_", ""));
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of 0 or more");
        }
    }

    private static BigDecimal money(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0 || value.scale() > 4) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an amount such as 2.00");
        }
    }

    private static String window(String text) {
        return QuietHours.parse(text, java.time.ZoneOffset.UTC).toString();
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }
}
