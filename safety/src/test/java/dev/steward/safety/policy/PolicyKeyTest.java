package dev.steward.safety.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** What {@code !policy set @user <key> <value>} accepts, and the errors a person reads otherwise. */
class PolicyKeyTest {
    static List<Arguments> good() {
        return List.of(
                argumentSet("a daily budget", "budget.daily", "2.00", new BigDecimal("2.00")),
                argumentSet("tokens", "budget.daily_tokens", "50_000", 50_000L),
                argumentSet("a filter level in capitals", "content_filter", "STRICT", "strict"),
                argumentSet("pii", "pii", "local_only", "local_only"),
                argumentSet("quiet hours", "quiet_hours", "21:30-06:45", "21:30-06:45"),
                argumentSet("quiet hours off", "quiet_hours", "off", "off"),
                argumentSet("yes is true", "memory_write", "yes", true),
                argumentSet("models", "models", "local-*, Tiny", Set.of("local-*", "tiny")));
    }

    @ParameterizedTest
    @MethodSource("good")
    void readsValues(String key, String text, Object expected) {
        assertThat(PolicyKey.named(key).orElseThrow().parse(text)).isEqualTo(expected);
    }

    static List<Arguments> bad() {
        return List.of(
                argumentSet("a negative budget", "budget.daily", "-1",
                        "budget.daily: '-1' is not an amount such as 2.00"),
                argumentSet("words for a number", "budget.daily_tokens", "lots",
                        "budget.daily_tokens: 'lots' is not a whole number of 0 or more"),
                argumentSet("an unknown level", "content_filter", "medium",
                        "content_filter: 'medium' is not one of off, standard, strict"),
                argumentSet("a broken window", "quiet_hours", "9pm to 7am",
                        "quiet_hours: quiet hours look like 21:00-07:00 (or off)"),
                argumentSet("not a boolean", "local_only", "maybe", "local_only: 'maybe' is not true or false"));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void refusesBadValuesNamingTheKeyAndWhatItTakes(String key, String text, String message) {
        assertThatThrownBy(() -> PolicyKey.named(key).orElseThrow().parse(text)).hasMessageStartingWith(message);
    }

    @Test
    void everyProblemOfASetOfValuesIsNamed() {
        assertThatThrownBy(() -> PolicyValues.parse(Map.of("budget.dialy", "2", "pii", "shred"), "roles.kid"))
                .hasMessageContaining("roles.kid.budget.dialy is not a policy key")
                .hasMessageContaining("roles.kid.pii: 'shred' is not one of redact, local_only, block, allow");
    }

    @Test
    void valuesShowAsTheyAreRead() {
        for (PolicyKey<?> key : PolicyKey.ALL) {
            Object value = Roles.defaults().policy("child").orElseThrow().get(key).orElseThrow();
            assertThat(key.parse(key.show(value))).as(key.name()).isEqualTo(value);
        }
    }
}
