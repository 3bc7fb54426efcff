package dev.steward.homeserver.inbox;

import static dev.steward.homeserver.TestEvents.message;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable inbox on a real H2 file database: what is acknowledged is kept, once, until handled. */
class InboxTest {
    private static final Instant NOW = Instant.parse("2026-11-21T14:00:00Z");

    @TempDir
    Path dir;
    private Inbox inbox;

    private final MatrixEvent first = message("$first", "hello");
    private final MatrixEvent second = message("$second", "!ask what is up");
    private final MatrixEvent third = message("$third", "thanks");

    @BeforeEach
    void open() {
        inbox = openInbox(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void storedEventsArePendingInArrivalOrder() {
        assertThat(inbox.store("txn1", List.of(first, second))).isTrue();
        assertThat(inbox.store("txn2", List.of(third))).isTrue();

        List<InboxEntry> pending = inbox.pending(0, 10);
        assertThat(pending).extracting(InboxEntry::event).containsExactly(first, second, third);
        assertThat(pending).extracting(InboxEntry::seq).isSorted().doesNotHaveDuplicates();
        assertThat(inbox.pendingCount()).isEqualTo(3);
    }

    @Test
    void aRepeatedTransactionStoresNothing() {
        assertThat(inbox.store("txn1", List.of(first))).isTrue();

        assertThat(inbox.store("txn1", List.of(first, second))).isFalse();

        assertThat(inbox.pending(0, 10)).extracting(InboxEntry::event).containsExactly(first);
        assertThat(inbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void anEventResentInANewTransactionIsStoredOnce() {
        inbox.store("txn1", List.of(first, second));

        assertThat(inbox.store("txn2", List.of(second, third))).isTrue();

        assertThat(inbox.pending(0, 10)).extracting(InboxEntry::event).containsExactly(first, second, third);
    }

    @Test
    void anEventResentAfterItWasHandledIsNotHandledAgain() {
        inbox.store("txn1", List.of(first));
        inbox.markHandled(first.eventId());

        inbox.store("txn2", List.of(first));

        assertThat(inbox.pending(0, 10)).isEmpty();
        assertThat(inbox.isHandled(first.eventId())).isTrue();
    }

    @Test
    void concurrentTransactionsAreEachStoredOnce() throws Exception {
        // Eight senders at once, waiting for the one writer: 30 transactions sent twice each, every transaction
        // repeating the last event of the one before.
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Boolean>> answers = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int t = 0; t < 30; t++) {
                    List<MatrixEvent> events = List.of(message("$e" + t, "m"), message("$e" + (t + 1), "m"));
                    String txnId = "txn" + t;
                    answers.add(CompletableFuture.supplyAsync(() -> inbox.store(txnId, events), senders));
                }
            }
            List<Boolean> stored = new ArrayList<>();
            for (CompletableFuture<Boolean> answer : answers) {
                stored.add(answer.get(10, SECONDS));
            }

            for (int t = 0; t < 30; t++) {
                assertThat(List.of(stored.get(t), stored.get(30 + t))).as("txn%d", t).containsOnlyOnce(true);
            }
            assertThat(inbox.pending(0, 100)).extracting(entry -> entry.event().eventId().value())
                    .hasSize(31).doesNotHaveDuplicates();
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void pendingPagesBySequence() {
        inbox.store("txn1", List.of(first, second, third));
        List<InboxEntry> firstPage = inbox.pending(0, 2);

        List<InboxEntry> nextPage = inbox.pending(firstPage.get(1).seq(), 2);

        assertThat(firstPage).extracting(InboxEntry::event).containsExactly(first, second);
        assertThat(nextPage).extracting(InboxEntry::event).containsExactly(third);
    }

    @Test
    void handledEventsLeaveThePendingList() {
        inbox.store("txn1", List.of(first, second));

        inbox.markHandled(first.eventId());

        assertThat(inbox.pending(0, 10)).extracting(InboxEntry::event).containsExactly(second);
        assertThat(inbox.pendingCount()).isEqualTo(1);
        assertThat(inbox.isHandled(first.eventId())).isTrue();
        assertThat(inbox.isHandled(second.eventId())).isFalse();
    }

    @Test
    void aFailingEventIsRetriedUntilMaxAttemptsThenClosed() {
        inbox.store("txn1", List.of(first, second));

        assertThat(inbox.markFailed(first.eventId(), "provider timed out", 3)).isTrue();
        assertThat(inbox.markFailed(first.eventId(), "provider timed out", 3)).isTrue();
        assertThat(inbox.pending(0, 10)).extracting(InboxEntry::event).containsExactly(first, second);

        assertThat(inbox.markFailed(first.eventId(), "provider timed out", 3)).isFalse();

        // A poisonous event stops blocking the queue; the others are still handled.
        assertThat(inbox.pending(0, 10)).extracting(InboxEntry::event).containsExactly(second);
        assertThat(inbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void failingAnUnknownEventDoesNotRetryIt() {
        assertThat(inbox.markFailed(EventId.of("$never-stored"), "boom", 3)).isFalse();
        assertThat(inbox.pendingCount()).isZero();
    }

    @Test
    void everythingSurvivesReopeningTheDatabase() {
        inbox.store("txn1", List.of(first, second));
        inbox.markHandled(first.eventId());

        // Every connection is closed after each call, so H2 has closed the file: this reads it back from disk.
        Inbox reopened = openInbox(Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(dir.resolve("steward.mv.db")).exists();
        assertThat(reopened.pending(0, 10)).extracting(InboxEntry::event).containsExactly(second);
        assertThat(reopened.isHandled(first.eventId())).isTrue();
        assertThat(reopened.store("txn1", List.of(third))).isFalse();
        assertThat(reopened.pendingCount()).isEqualTo(1);
    }

    @Test
    void pruneDeletesOnlyOldHandledEvents() {
        inbox.store("txn1", List.of(first, second));
        inbox.markHandled(first.eventId());

        int deleted = inbox.prune(NOW.plusSeconds(1));

        assertThat(deleted).isEqualTo(1);
        assertThat(inbox.isHandled(first.eventId())).isFalse();
        assertThat(inbox.pending(0, 10)).extracting(InboxEntry::event).containsExactly(second);
    }

    private Inbox openInbox(Clock clock) {
        return Inbox.open(dataSource("steward"), clock);
    }

    private JdbcDataSource dataSource(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(H2Files.url(dir.resolve(name)));
        return dataSource;
    }
}
