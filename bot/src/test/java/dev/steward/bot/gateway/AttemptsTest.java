package dev.steward.bot.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.output.TokenUsage;
import dev.steward.commands.UserFacingException;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.inbox.H2Files;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import dev.steward.homeserver.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attempts of one route: fallbacks on errors and 429, the circuit breaker, and what the ledger records. */
class AttemptsTest {
    private static final ModelEntry FIRST = Models.entry("first", ModelEntry.Provider.OPENAI, "a", "http://one/v1", null);
    private static final ModelEntry SECOND = Models.entry("second", ModelEntry.Provider.OPENAI, "b", "http://two/v1",
            null);
    private static final MatrixEvent QUESTION = MatrixEvent.from(io.vertx.core.json.jackson.DatabindCodec.mapper()
            .valueToTree(new JsonObject().put("event_id", "$q").put("type", "m.room.message")
                    .put("room_id", "!r:example.org").put("sender", "@alice:example.org")
                    .put("origin_server_ts", 1).put("content", new JsonObject().put("body", "hi")).getMap()));
    private static final RequestGuard.Prepared PREPARED = new RequestGuard.Prepared("hi", List.of(), Optional.empty(),
            false, "none");

    @TempDir
    Path dir;
    private Ledger ledger;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T12:00:00Z"));

    /** A model that answers with each reply in turn: a text, or an exception to throw. */
    private static final class Scripted implements ModelClient {
        final List<Object> script = new ArrayList<>();
        int calls;

        Scripted then(Object reply) {
            script.add(reply);
            return this;
        }

        @Override
        public Reply chat(List<ChatMessage> messages, Consumer<String> soFar) {
            Object next = script.get(Math.min(calls++, script.size() - 1));
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return (Reply) next;
        }
    }

    @BeforeEach
    void openLedger() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(H2Files.url(dir.resolve("steward")));
        ledger = Ledger.open(dataSource);
    }

    private Attempts attempts(Scripted first, Scripted second, CircuitBreaker breaker) {
        return new Attempts(clock, Map.of("first", first, "second", second), breaker, ledger, ModelMeters.NONE,
                dev.steward.homeserver.client.CallObserver.NONE);
    }

    private Attempts.Answered run(Attempts attempts) {
        return attempts.run(QUESTION, new RoutePlan.Go(List.of(FIRST, SECOND), "default"),
                model -> List.of(UserMessage.from("alice: hi")), PREPARED, text -> { });
    }

    private static ModelClient.Reply reply(String text, TokenUsage usage) {
        return new ModelClient.Reply(text, Optional.ofNullable(usage), OptionalLong.empty());
    }

    @Test
    void aRateLimitedModelFallsBackAndTheLedgerSaysWhy() {
        Scripted first = new Scripted().then(new RateLimitException("slow down"));
        Scripted second = new Scripted().then(reply("hello", new TokenUsage(12, 3)));

        Attempts.Answered answered = run(attempts(first, second, new CircuitBreaker(clock, 3, Duration.ofSeconds(30))));

        assertThat(answered.model()).isEqualTo(SECOND);
        assertThat(ledger.forEvent("$q")).extracting(Ledger.Entry::model, Ledger.Entry::outcome,
                Ledger.Entry::fallbacksTried, Ledger.Entry::tokensIn, Ledger.Entry::tokensEstimated)
                .containsExactly(tuple("first", "rate_limited", 0, 0L, true), tuple("second", "ok", 1, 12L, false));
    }

    @Test
    void tokensAreEstimatedAndMarkedWhenTheProviderReportsNone() {
        Scripted first = new Scripted().then(reply("a fairly short answer", null));

        run(attempts(first, new Scripted(), new CircuitBreaker(clock, 3, Duration.ofSeconds(30))));

        Ledger.Entry entry = ledger.forEvent("$q").get(0);
        assertThat(entry.tokensEstimated()).isTrue();
        assertThat(entry.tokensIn()).isPositive();
        assertThat(entry.tokensOut()).isEqualTo(ModelGateway.estimateTokens("a fairly short answer"));
    }

    @Test
    void aProviderThatKeepsFailingIsSkippedUntilItIsProbedAgain() {
        Scripted first = new Scripted().then(new IllegalStateException("down"));
        Scripted second = new Scripted().then(reply("from second", new TokenUsage(1, 1)));
        Attempts attempts = attempts(first, second, new CircuitBreaker(clock, 3, Duration.ofSeconds(30)));

        for (int i = 0; i < 5; i++) {
            assertThat(run(attempts).model()).isEqualTo(SECOND);
        }
        assertThat(first.calls).as("the circuit opened after three failures").isEqualTo(3);

        clock.advance(Duration.ofSeconds(31));
        first.then(reply("back", new TokenUsage(1, 1)));
        first.script.remove(0);
        assertThat(run(attempts).model()).as("probed again once the circuit's time is up").isEqualTo(FIRST);
    }

    @Test
    void whenNothingAnswersTheMemberIsToldSo() {
        Scripted down = new Scripted().then(new IllegalStateException("down"));

        assertThatThrownBy(() -> run(attempts(down, down, new CircuitBreaker(clock, 3, Duration.ofSeconds(30)))))
                .isInstanceOf(UserFacingException.class).hasMessage(GatewayStrings.ALL_FAILED);
    }
}
