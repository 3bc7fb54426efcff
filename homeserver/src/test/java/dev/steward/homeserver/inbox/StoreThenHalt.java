package dev.steward.homeserver.inbox;

import dev.steward.homeserver.TestEvents;
import dev.steward.homeserver.event.MatrixEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Run in a child JVM by {@link InboxDurabilityTest}: stores one transaction of 100 events the way Steward does,
 * says so, and dies at once (no shutdown hooks, no close), as a SIGKILL right after the 200 would.
 */
public final class StoreThenHalt {
    private StoreThenHalt() {}

    public static void main(String[] args) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(H2Files.url(Path.of(args[0])));
        // Steward's connection pool keeps connections open, and so the database: H2 would flush everything on
        // closing the last connection, which would hide what a killed process loses.
        Connection pooled = dataSource.getConnection();
        Inbox inbox = Inbox.open(dataSource, Clock.systemUTC());
        List<MatrixEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(TestEvents.message("$durable-" + i, "message " + i));
        }
        boolean stored = inbox.store("durable-txn", events);
        System.out.println("stored=" + stored);
        System.out.flush();
        Runtime.getRuntime().halt(pooled.isClosed() ? 1 : 9);
    }
}
