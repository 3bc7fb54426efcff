package dev.steward.commands.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.commands.CommandsSchema;
import dev.steward.commands.Family;
import dev.steward.commands.RecordingReplies;
import dev.steward.commands.RefusalLog;
import dev.steward.commands.TestMessages;
import dev.steward.commands.schedule.Schedule;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.homeserver.jdbc.Jdbc;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SettableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one path of reactions, over H2: a confirmation that only its requester answers with ✅, with the reactions a
 * room really produces (replays, strangers, late taps, redactions, restarts).
 */
class PromptRegistryTest {
    private static final EventId PROMPT = EventId.of("$prompt-posted-by-steward");

    @TempDir
    Path dir;
    private Vertx vertx;
    private Jdbc jdbc;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final RecordingReplies replies = new RecordingReplies();
    private final List<String> refusals = new ArrayList<>();
    private final AtomicInteger confirmed = new AtomicInteger();
    private Schedule schedule;
    private PromptRegistry prompts;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(H2Files.url(dir.resolve("steward")));
        CommandsSchema.migrate(dataSource);
        jdbc = new Jdbc(dataSource);
        prompts = registry();
    }

    /** A registry over the same database, as after a restart. */
    private PromptRegistry registry() {
        schedule = new Schedule(vertx, jdbc, clock);
        RefusalLog log = (caller, rule, what) -> {
            refusals.add(caller.member() + " " + rule + ": " + what);
            return Future.succeededFuture();
        };
        return new PromptRegistry(vertx, new PromptStore(jdbc), schedule, Family.AUTHORITY, log,
                (room, member) -> Future.succeededFuture(Family.caller(member, 0)), replies, clock)
                .register(new ConfirmationKind() {
                    @Override
                    public String name() {
                        return "test.forget";
                    }

                    @Override
                    protected Future<String> act(Prompt prompt) {
                        confirmed.incrementAndGet();
                        return Future.succeededFuture("Forgot " + prompt.subject().getJsonArray("ids").size()
                                + " memories.");
                    }
                });
    }

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    private void openPrompt() {
        Await.result(prompts.open(PROMPT, TestMessages.text("!forget the dentist"), "test.forget",
                new JsonObject().put("ids", new io.vertx.core.json.JsonArray().add(3).add(4)),
                Optional.of(ConfirmationKind.WITHIN), List.of(ConfirmationKind.CONFIRM)));
    }

    private static MatrixEvent reaction(String eventId, UserId sender, EventId target, String key) {
        ObjectNode json = TestMessages.json("");
        json.put("event_id", eventId).put("type", "m.reaction").put("sender", sender.value());
        json.putObject("content").putObject("m.relates_to").put("rel_type", "m.annotation")
                .put("event_id", target.value()).put("key", key);
        return MatrixEvent.from(json);
    }

    private void react(String eventId, UserId sender, String key) {
        Await.result(prompts.reacted(reaction(eventId, sender, PROMPT, key), PROMPT, key));
    }

    @Test
    void theRequestersTickConfirmsOnceAndTheSeedIsPostedOnTheirBehalf() {
        openPrompt();

        react("$tick", Family.SENDER, "✅");

        assertThat(confirmed).hasValue(1);
        assertThat(replies.reactions()).containsExactly("✅ " + PROMPT.value());
        assertThat(replies.onlyText()).isEqualTo("Forgot 2 memories.");
        assertThat(replies.notices().get(0).purpose()).isEqualTo("test.forget:confirmed");
    }

    @Test
    void aReplayedReactionEventCountsOnceAndASecondTickChangesNothing() {
        openPrompt();

        react("$tick", Family.SENDER, "✅");
        react("$tick", Family.SENDER, "✅");
        react("$another-tick", Family.SENDER, "✅");

        assertThat(confirmed).hasValue(1);
        assertThat(replies.notices()).hasSize(1);
    }

    @Test
    void someoneElsesTickChangesNothingAndIsAudited() {
        openPrompt();

        react("$parents-tick", Family.PARENT, "✅");
        react("$parents-thumb", Family.PARENT, "👍");

        assertThat(confirmed).hasValue(0);
        assertThat(replies.notices()).isEmpty();
        assertThat(refusals).containsExactly(Family.PARENT + " requester only: reaction ✅ on a test.forget prompt");

        react("$tick", Family.SENDER, "✅");
        assertThat(confirmed).as("the prompt is still open for its requester").hasValue(1);
    }

    @Test
    void aReactionOnAMessageThatIsNoPromptIsIgnored() {
        openPrompt();
        EventId other = EventId.of("$someone-elses-message");

        Await.result(prompts.reacted(reaction("$tick", Family.SENDER, other, "✅"), other, "✅"));

        assertThat(confirmed).hasValue(0);
        assertThat(refusals).isEmpty();
    }

    @Test
    void aTickAfterTheExpiryIsAnsweredThatTheRequestExpired() {
        openPrompt();
        clock.advance(ConfirmationKind.WITHIN.plusSeconds(1));

        react("$late-tick", Family.SENDER, "✅");

        assertThat(confirmed).hasValue(0);
        assertThat(replies.onlyText()).isEqualTo(ConfirmationKind.EXPIRED_TEXT);
    }

    @Test
    void theScheduleExpiresAPromptNobodyAnswered() {
        openPrompt();
        clock.advance(ConfirmationKind.WITHIN);

        assertThat(Await.result(schedule.runDue())).isEqualTo(1);
        react("$tick", Family.SENDER, "✅");

        assertThat(confirmed).hasValue(0);
        assertThat(replies.onlyText()).isEqualTo(ConfirmationKind.EXPIRED_TEXT);
    }

    @Test
    void aPendingConfirmationOutlivesARestart() {
        openPrompt();

        prompts = registry();
        clock.advance(Duration.ofMinutes(5));
        react("$tick", Family.SENDER, "✅");

        assertThat(confirmed).hasValue(1);
        assertThat(replies.notices()).extracting(RecordingReplies.Notice::text).containsExactly("Forgot 2 memories.");
    }

    @Test
    void aRedactedReactionIsWithdrawnAndTheStandingReactionsSaySo() {
        PromptStore store = new PromptStore(jdbc);
        openPrompt();
        react("$parents-tick", Family.PARENT, "✅");

        Await.result(prompts.redacted(EventId.of("$parents-tick")));

        assertThat(store.standing(PROMPT)).as("the parent's tick was never eligible").isEmpty();
        assertThat(store.withdraw(EventId.of("$parents-tick"), clock.instant())).as("withdrawn once").isEmpty();
    }
}
