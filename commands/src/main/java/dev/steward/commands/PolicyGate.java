package dev.steward.commands;

import dev.steward.safety.policy.EffectivePolicy;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A member's policy before a command: the command must be on their allow-list, and outside their quiet hours, read in
 * the space's time zone. Commands that are always available skip it (see {@link CommandSpec.Availability}).
 */
public final class PolicyGate {
    /** Which rule refused, for the audit log, and what the member reads. */
    public record Refusal(String rule, String text) {}

    private final Clock clock;
    private final ZoneId zone;
    private final String prefix;

    public PolicyGate(Clock clock, ZoneId zone, String prefix) {
        this.clock = clock;
        this.zone = zone;
        this.prefix = prefix;
    }

    public Optional<Refusal> check(EffectivePolicy policy, String command) {
        if (!policy.allowsCommand(command)) {
            return Optional.of(new Refusal("commands", CommandStrings.notAllowed(prefix, command)));
        }
        if (policy.isQuietAt(clock.instant(), zone)) {
            return Optional.of(new Refusal("quiet_hours", CommandStrings.quietHours(policy.quietHours(zone).endsAt())));
        }
        return Optional.empty();
    }

    /** Whether {@code !help} lists the command: quiet hours pass, they do not make a command disappear. */
    boolean lists(EffectivePolicy policy, CommandSpec spec) {
        return spec.availability() == CommandSpec.Availability.ALWAYS || policy.allowsCommand(spec.name());
    }

    String prefix() {
        return prefix;
    }
}
