package dev.steward.memory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Run in a child JVM by {@link EmbeddingDurabilityTest}: stores {@link #COUNT} memories the way Steward does, waits
 * until the embedder has finished some of them but not all, says how far it got, and dies at once (no shutdown
 * hooks, no close), as a SIGKILL in the middle of embedding would.
 */
public final class AddThenHaltWhileEmbedding {
    static final int COUNT = 300;

    private AddThenHaltWhileEmbedding() {}

    public static void main(String[] args) throws SQLException {
        Path dir = Path.of(args[0]);
        JdbcConnectionPool pool = TestStore.database(dir);
        // Steward's pool keeps connections open, and so the database: H2 would flush everything on closing the last
        // connection, which would hide what a killed process loses.
        Connection held = pool.getConnection();
        MemoryStore store = MemoryStore.open(dir.resolve("memory-index"), pool, new MiniLmEmbedder(),
                Clock.systemUTC());
        for (int i = 0; i < COUNT; i++) {
            store.add(NewMemory.of(TestStore.KITCHEN, TestStore.ALICE, TestStore.nextEvent(),
                    DurableTexts.text(i), MemoryKind.EXPLICIT));
        }
        Counts counts = store.counts(TestStore.KITCHEN);
        while (counts.embedded() == 0) {
            // Waits for the embedder's progress (at most 50 ms at a time), not a fixed sleep.
            store.awaitEmbedded(Duration.ofMillis(50));
            counts = store.counts(TestStore.KITCHEN);
        }
        System.out.println("stored=" + counts.total() + " embedded=" + counts.embedded() + " pending="
                + counts.pending());
        System.out.flush();
        Runtime.getRuntime().halt(held.isClosed() ? 1 : 9);
    }
}
