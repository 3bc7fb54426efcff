package dev.steward.memory;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.inbox.H2Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A real store for tests: H2 on disk, the index on disk and the real model, in a test's temporary folder. It can be
 * closed and opened again on the same files, as a restart would.
 */
final class TestStore implements AutoCloseable {
    /** One model for all tests of a JVM: it loads in about a second and holds no state between calls. */
    static final Embedder EMBEDDER = new MiniLmEmbedder();
    static final RoomId KITCHEN = RoomId.of("!kitchen:family.example");
    static final RoomId GARAGE = RoomId.of("!garage:family.example");
    static final UserId ALICE = UserId.of("@alice:family.example");
    static final UserId BOB = UserId.of("@bob:family.example");
    private static final AtomicInteger EVENTS = new AtomicInteger();

    final Path dir;
    final JdbcConnectionPool pool;
    private final Embedder embedder;
    private final int queueCapacity;
    MemoryStore store;

    TestStore(Path dir) {
        this(dir, EMBEDDER, MemoryStore.DEFAULT_QUEUE_CAPACITY);
    }

    TestStore(Path dir, Embedder embedder, int queueCapacity) {
        this.dir = dir;
        this.embedder = embedder;
        this.queueCapacity = queueCapacity;
        this.pool = database(dir);
        this.store = open();
    }

    /** A pool on the H2 file in {@code dir}, opened the way Steward opens it. */
    static JdbcConnectionPool database(Path dir) {
        return JdbcConnectionPool.create(H2Files.url(dir.resolve("steward")), "sa", "");
    }

    private MemoryStore open() {
        return MemoryStore.open(indexDir(), pool, embedder, Clock.systemUTC(), queueCapacity);
    }

    Path indexDir() {
        return dir.resolve("memory-index");
    }

    /** Closes the store and opens it again on the same database and index. */
    MemoryStore restart() {
        store.close();
        store = open();
        return store;
    }

    Memory remember(RoomId room, UserId author, String text) {
        return store.add(NewMemory.of(room, author, nextEvent(), text, MemoryKind.EXPLICIT));
    }

    void awaitEmbedded() {
        if (!store.awaitEmbedded(Duration.ofSeconds(60))) {
            throw new AssertionError("memories were not embedded within a minute");
        }
    }

    static EventId nextEvent() {
        return EventId.of("$event-" + EVENTS.incrementAndGet());
    }

    @Override
    public void close() {
        store.close();
        pool.dispose();
    }
}
