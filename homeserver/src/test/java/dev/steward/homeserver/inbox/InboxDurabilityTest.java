package dev.steward.homeserver.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the homeserver was told is stored stays stored when the process dies the instant after: a child JVM stores
 * a transaction and halts; the inbox read afterwards holds all of it. (With H2's default write delay the same
 * child loses the transaction, and even the tables: that is why {@link H2Files#url} sets WRITE_DELAY=0.)
 */
class InboxDurabilityTest {

    @Test
    void aStoredTransactionSurvivesTheProcessDyingRightAfter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("steward");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                StoreThenHalt.class.getName(), file.toString())).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(9);
        assertThat(output).contains("stored=true");

        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(H2Files.url(file));
        Inbox reopened = Inbox.open(dataSource, Clock.systemUTC());

        assertThat(reopened.pendingCount()).isEqualTo(100);
        assertThat(reopened.pending(0, 200)).extracting(entry -> entry.event().eventId().value())
                .startsWith("$durable-0").endsWith("$durable-99");
        assertThat(reopened.store("durable-txn", List.of())).as("the transaction id is remembered too").isFalse();
    }
}
