package dev.steward.commands.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.commands.CommandParser;
import dev.steward.commands.CommandRegistry;
import dev.steward.commands.CommandStrings;
import dev.steward.commands.Family;
import dev.steward.commands.Outcome;
import dev.steward.commands.RecordingReplies;
import dev.steward.commands.TestMessages;
import dev.steward.homeserver.event.MatrixEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@code !ping}: "pong", with the time from the message reaching the homeserver to the answer. */
class PingCommandTest {
    private final RecordingReplies replies = new RecordingReplies();

    private Outcome ping(Clock clock, MatrixEvent message) {
        CommandRegistry registry = Family.registry().register(PingCommand.spec(clock));
        return registry.dispatch(new CommandParser("!").parse(message).orElseThrow(), Family.sender(), replies)
                .result();
    }

    private static Clock at(long epochMillis) {
        return Clock.fixed(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    @Test
    void answersWithTheTimeSinceTheMessageWasSent() {
        Clock now = at(TestMessages.SENT_AT + 1_234);

        assertThat(ping(now, TestMessages.text("!ping"))).isEqualTo(Outcome.OK);

        assertThat(replies.onlyText())
                .isEqualTo("pong (1234 ms from your message to my answer)")
                .isEqualTo(CommandStrings.pong(Duration.ofMillis(1_234)));
        assertThat(replies.notices().get(0).purpose()).isEqualTo("ping:answer");
    }

    @Test
    void anAnswerInTheSameMillisecondSaysZero() {
        ping(at(TestMessages.SENT_AT), TestMessages.text("!ping"));

        assertThat(replies.onlyText()).isEqualTo("pong (0 ms from your message to my answer)");
    }

    @Test
    void aHomeserverClockAheadOfOursNeverGivesANegativeTime() {
        ping(at(TestMessages.SENT_AT - 5_000), TestMessages.text("!ping"));

        assertThat(replies.onlyText()).isEqualTo("pong (0 ms from your message to my answer)");
    }

    @Test
    void aMessageWithoutATimestampGetsAPlainPong() {
        ObjectNode json = TestMessages.json("!ping");
        json.remove("origin_server_ts");

        ping(at(TestMessages.SENT_AT), MatrixEvent.from(json));

        assertThat(replies.onlyText()).isEqualTo("pong").isEqualTo(CommandStrings.pong());
    }
}
