package dev.steward.homeserver.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How long the client waits between attempts: growing, jittered, and never longer than configured. */
class RetryPolicyTest {
    private static final RetryPolicy POLICY =
            new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30));
    private static final int SAMPLES = 500;

    @Test
    void backoffGrowsWithEachAttemptUntilTheMaximum() {
        // With half of each wait fixed, the shortest wait of one attempt is the longest of the one before.
        for (int attempt = 0; attempt < 4; attempt++) {
            LongSummaryStatistics now = sample(attempt);
            LongSummaryStatistics next = sample(attempt + 1);
            assertThat(next.getMin()).as("attempt %d", attempt + 1).isGreaterThanOrEqualTo(now.getMax());
            assertThat(next.getAverage()).as("attempt %d", attempt + 1).isGreaterThan(now.getAverage());
        }
    }

    @Test
    void backoffIsJitteredWithinItsCeiling() {
        LongSummaryStatistics first = sample(0);
        LongSummaryStatistics third = sample(2);

        assertThat(first.getMin()).isGreaterThanOrEqualTo(50);
        assertThat(first.getMax()).isLessThanOrEqualTo(100);
        assertThat(third.getMin()).isGreaterThanOrEqualTo(200);
        assertThat(third.getMax()).isLessThanOrEqualTo(400).isGreaterThan(third.getMin());
    }

    @Test
    void backoffNeverExceedsMaxDelay() {
        for (int attempt : new int[] {5, 10, 20, 21, 63, 1_000}) {
            LongSummaryStatistics waits = sample(attempt);
            assertThat(waits.getMax()).as("attempt %d", attempt).isLessThanOrEqualTo(2_000);
            assertThat(waits.getMin()).as("attempt %d", attempt).isGreaterThanOrEqualTo(1_000);
        }
    }

    @Test
    void rateLimitFollowsTheServerButWithinBounds() {
        assertThat(POLICY.rateLimitMillis(1_500, 0)).isEqualTo(1_500);
        // A hostile or broken retry_after_ms cannot park a request for hours.
        assertThat(POLICY.rateLimitMillis(3_600_000, 0)).isEqualTo(12_000);
        assertThat(POLICY.rateLimitMillis(0, 0)).isBetween(50L, 100L);
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts");
    }

    private static LongSummaryStatistics sample(int attempt) {
        return IntStream.range(0, SAMPLES).mapToLong(i -> POLICY.backoffMillis(attempt)).summaryStatistics();
    }
}
