package dev.steward.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.testing.SettableClock;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConfirmationsTest {
    private static final EventId PROMPT = EventId.of("$prompt");
    private final RecordingReplies replies = new RecordingReplies();
    private final AtomicInteger runs = new AtomicInteger();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final Confirmations confirmations = new Confirmations(clock);

    private MatrixEvent request() {
        return TestMessages.text("!forget wifi");
    }

    private MatrixEvent reactionFrom(String sender) {
        ObjectNode json = TestMessages.json("✅");
        json.put("sender", sender).put("type", "m.reaction");
        return MatrixEvent.from(json);
    }

    private void awaitForget() {
        confirmations.await(PROMPT, request(), Duration.ofMinutes(10), () -> {
            runs.incrementAndGet();
            return Future.succeededFuture("Forgot memory #3.");
        });
    }

    @Test
    void onlyTheAskersCheckMarkRunsTheActionAndOnlyOnce() {
        awaitForget();
        String asker = request().sender().value();

        confirmations.reacted(reactionFrom("@someone-else:example.org"), PROMPT, "✅", replies);
        confirmations.reacted(reactionFrom(asker), PROMPT, "👍", replies);
        confirmations.reacted(reactionFrom(asker), EventId.of("$other"), "✅", replies);
        assertThat(runs).hasValue(0);

        confirmations.reacted(reactionFrom(asker), PROMPT, "✅", replies);
        confirmations.reacted(reactionFrom(asker), PROMPT, "✅", replies);

        assertThat(runs).hasValue(1);
        assertThat(replies.onlyText()).isEqualTo("Forgot memory #3.");
    }

    @Test
    void aLateConfirmationRunsNothingAndSaysSo() {
        awaitForget();
        clock.advance(Duration.ofMinutes(11));

        confirmations.reacted(reactionFrom(request().sender().value()), PROMPT, "✅", replies);

        assertThat(runs).hasValue(0);
        assertThat(replies.onlyText()).isEqualTo("That request expired; ask again if you still want it.");
    }
}
