package dev.steward.homeserver.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the client retries: 429 always (the request was not processed) after the server's {@code retry_after_ms};
 * 5xx, timeouts and connection failures only for idempotent requests, with exponential backoff and jitter.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration requestTimeout) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(30));

    /** One attempt, a short timeout: for probes (readiness, status) that must answer quickly. */
    public static final RetryPolicy PROBE =
            new RetryPolicy(1, Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before attempt {@code attempt + 1}: half fixed, half random, so retries of many clients spread. */
    long backoffMillis(int attempt) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt, 20));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    /** The server's requested wait, bounded so that a hostile value cannot park a request for hours. */
    long rateLimitMillis(long retryAfterMs, int attempt) {
        return retryAfterMs > 0 ? Math.min(retryAfterMs, maxDelay.toMillis() * 6) : backoffMillis(attempt);
    }
}
