package dev.steward.bot.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One breaker per provider endpoint: after {@code threshold} failures in a row it opens and the endpoint is skipped,
 * so requests go straight to the fallback; after {@code openFor} one request may probe it again (half-open), and a
 * success closes it.
 */
public final class CircuitBreaker {
    private final Clock clock;
    private final int threshold;
    private final Duration openFor;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private record State(int failures, Instant openUntil) {}

    public CircuitBreaker(Clock clock, int threshold, Duration openFor) {
        this.clock = clock;
        this.threshold = threshold;
        this.openFor = openFor;
    }

    /** Whether a request may go to the endpoint now; an open breaker lets one probe through once its time is up. */
    public boolean allows(String endpoint) {
        State state = states.get(endpoint);
        if (state == null || state.openUntil() == null) {
            return true;
        }
        if (clock.instant().isBefore(state.openUntil())) {
            return false;
        }
        // Half-open: the next failure opens it again at once, a success closes it.
        return states.replace(endpoint, state, new State(threshold - 1, null));
    }

    public void succeeded(String endpoint) {
        states.remove(endpoint);
    }

    public void failed(String endpoint) {
        states.compute(endpoint, (key, state) -> {
            int failures = (state == null ? 0 : state.failures()) + 1;
            return new State(failures, failures >= threshold ? clock.instant().plus(openFor) : null);
        });
    }

    public boolean isOpen(String endpoint) {
        State state = states.get(endpoint);
        return state != null && state.openUntil() != null && clock.instant().isBefore(state.openUntil());
    }
}
