package dev.steward.memory;

import dev.steward.homeserver.jdbc.Jdbc;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.memory.MemoryTable.Where;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.apache.lucene.index.IndexCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A space's collective memory: memories stored in H2 (the source of truth) and indexed in Lucene for search by words
 * and by meaning. Every search is restricted to the rooms the caller names; this class never decides who may read.
 *
 * <p>A memory is committed to the database before {@link #add} returns, can be found by its words at once, and by
 * meaning once the background embedder reached it (usually within a second; see {@link EmbeddingWorker} for what
 * happens under a backlog). At {@link #open} anything the index lacks is indexed again and every memory not embedded
 * yet is queued, so a crash at any point loses nothing.
 *
 * <p>Blocking (JDBC, Lucene, the model for a query's vector): call it from a worker thread, never the event loop.
 */
public final class MemoryStore implements AutoCloseable {
    /** Memories waiting to be embedded that are queued at once; more wait in the database for the catch-up. */
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    private static final Logger log = LoggerFactory.getLogger(MemoryStore.class);
    private static final Jdbc.Work<?> NOTHING_MORE = connection -> null;

    private final Clock clock;
    private final Jdbc database;
    private final MemoryTable table;
    private final MemorySettingsStore settings;
    private final MemoryIndex index;
    private final MemorySearch search;
    private final Embedder embedder;
    private final EmbeddingWorker worker;
    // One writer at a time across the database and the index, so that a memory being deleted cannot be put back
    // into the index by its embedding finishing at the same moment.
    private final ReentrantLock writer = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Runnable> forgetting = new java.util.concurrent.CopyOnWriteArrayList<>();

    private MemoryStore(Path indexDir, DataSource dataSource, Embedder embedder, Clock clock, int queueCapacity) {
        this.clock = clock;
        this.database = new Jdbc(dataSource);
        this.table = new MemoryTable(database);
        this.settings = new MemorySettingsStore(database, clock);
        this.index = MemoryIndex.open(indexDir, IndexTuning.DEFAULT);
        this.search = new MemorySearch(index);
        this.embedder = embedder;
        this.worker = new EmbeddingWorker(table, embedder, this::storeVectors, queueCapacity);
    }

    /**
     * Opens the store: brings the tables up to date, opens (or creates) the index in {@code indexDir}, brings the
     * index in line with the database and starts embedding what is not embedded yet. The embedder stays the
     * caller's to close.
     */
    public static MemoryStore open(Path indexDir, DataSource dataSource, Embedder embedder, Clock clock) {
        return open(indexDir, dataSource, embedder, clock, DEFAULT_QUEUE_CAPACITY);
    }

    static MemoryStore open(Path indexDir, DataSource dataSource, Embedder embedder, Clock clock, int queueCapacity) {
        MemorySchema.migrate(dataSource);
        MemoryStore store = new MemoryStore(indexDir, dataSource, embedder, clock, queueCapacity);
        try {
            new IndexRepair(store.table, store.database, store.index).run();
        } catch (RuntimeException e) {
            store.index.close();
            throw e;
        }
        store.worker.start();
        return store;
    }

    /**
     * Called after memories were forgotten, once their rows and index entries are gone: the database file may still
     * hold their text in free pages until it is compacted, which the caller arranges.
     */
    public void onForgetting(Runnable listener) {
        forgetting.add(listener);
    }

    public MemorySettingsStore settings() {
        return settings;
    }

    /** Stores a memory; it is in the database when this returns, and can be found by its words at once. */
    public Memory add(NewMemory memory) {
        Memory stored;
        writer.lock();
        try {
            stored = table.insert(memory, clock.instant());
            try {
                index.put(stored, null);
            } catch (RuntimeException e) {
                // The memory is safe in the database and indexed again at the next start.
                log.error("indexing memory {} failed; it is indexed at the next start", stored.id(), e);
            }
        } finally {
            writer.unlock();
        }
        worker.offer(stored.id());
        return stored;
    }

    public Optional<Memory> get(long id) {
        return table.select(Where.id(id)).stream().findFirst();
    }

    /** Forgets one memory; false when there was none with this id. */
    public boolean delete(long id) {
        return !deleteWhere(Where.id(id), NOTHING_MORE).isEmpty();
    }

    /** Forgets the memories taken from an event, when it is redacted; returns what was forgotten. */
    public List<Memory> deleteBySourceEvent(EventId event) {
        return deleteWhere(Where.sourceEvent(event), NOTHING_MORE);
    }

    /**
     * Forgets every memory of a room. When Steward has left the room, its settings go too, so the room is no longer
     * listed by {@link MemorySettingsStore#roomsLeftBefore}; a room Steward is still in keeps its settings.
     */
    public int deleteRoom(RoomId room) {
        return deleteWhere(Where.room(room), connection -> MemorySettingsStore.removeIfLeft(connection, room)).size();
    }

    /** Every memory a person wrote, oldest first: what they get when they ask for their data. */
    public List<Memory> byAuthor(UserId author) {
        return table.select(Where.author(author));
    }

    /** Forgets every memory a person wrote, in every room. */
    public int eraseAuthor(UserId author) {
        return deleteWhere(Where.author(author), NOTHING_MORE).size();
    }

    /** Of these memories, the ids that may only ever be given to local models (as recorded when stored). */
    public Set<Long> localOnly(Collection<Long> ids) {
        return table.localOnly(ids);
    }

    /**
     * Records where each memory stored before this was recorded may go, as {@code judge} says (Steward judges them
     * once, at start, with their authors' policies); how many were judged.
     */
    public int judgeUnjudged(Predicate<Memory> localOnly) {
        int judged = 0;
        for (List<Memory> batch = table.unjudged(500); !batch.isEmpty(); batch = table.unjudged(500)) {
            for (Memory memory : batch) {
                table.setLocalOnly(memory.id(), localOnly.test(memory));
                judged++;
            }
        }
        return judged;
    }

    public Counts counts(RoomId room) {
        return table.counts(room);
    }

    /** The best {@code k} memories for a query, by words and meaning together, from every memory of these rooms. */
    public List<Hit> search(String query, Set<RoomId> rooms, int k) {
        return search(query, Scope.rooms(rooms), k);
    }

    public List<Hit> search(String query, Scope scope, int k) {
        if (scope.isEmpty() || query.isBlank()) {
            return List.of();
        }
        return search.hybrid(query, embedder.embed(query), scope, k);
    }

    /** By words only (BM25); for evaluating retrieval. */
    public List<Hit> searchBm25(String query, Set<RoomId> rooms, int k) {
        return search.words(query, Scope.rooms(rooms), k);
    }

    /** By meaning only (nearest vectors); for evaluating retrieval. Memories not embedded yet are not found. */
    public List<Hit> searchVector(String query, Set<RoomId> rooms, int k) {
        if (rooms.isEmpty() || query.isBlank()) {
            return List.of();
        }
        return search.meaning(embedder.embed(query), Scope.rooms(rooms), k);
    }

    /** Waits until every memory is embedded, or the timeout passes; true when every memory is. */
    public boolean awaitEmbedded(Duration timeout) {
        try {
            return worker.awaitIdle(timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<Memory> deleteWhere(Where where, Jdbc.Work<?> alsoInTransaction) {
        writer.lock();
        try {
            List<Memory> doomed = database.inTransaction("forgetting memories", connection -> {
                List<Memory> rows = MemoryTable.select(connection, where);
                if (!rows.isEmpty()) {
                    MemoryTable.delete(connection, ids(rows));
                }
                alsoInTransaction.run(connection);
                return rows;
            });
            if (!doomed.isEmpty()) {
                index.delete(ids(doomed));
                index.purge();
                forgetting.forEach(Runnable::run);
            }
            return doomed;
        } finally {
            writer.unlock();
        }
    }

    // Called by the embedding thread. The vectors are committed to the index before the rows are marked embedded,
    // so a row marked embedded always has its vector on disk; memories deleted meanwhile are left out.
    private void storeVectors(List<Memory> memories, List<float[]> vectors) {
        writer.lock();
        try {
            Set<Long> existing = database.run("checking memories", connection ->
                    table.existing(connection, ids(memories)));
            for (int i = 0; i < memories.size(); i++) {
                if (existing.contains(memories.get(i).id())) {
                    index.put(memories.get(i), vectors.get(i));
                }
            }
            index.commit();
            database.run("marking memories embedded", connection -> {
                MemoryTable.setEmbedded(connection, existing, true);
                return null;
            });
        } finally {
            writer.unlock();
        }
    }

    private static List<Long> ids(List<Memory> memories) {
        return memories.stream().map(Memory::id).toList();
    }

    /**
     * Copies a consistent commit of the index into {@code target} while the store keeps working: writes pause only
     * while the index commits, not while its files are copied. Memories the copy lacks (written after it) are
     * indexed again from the database when a restored Steward starts, as after a crash.
     */
    public void backupIndex(Path target) {
        IndexCommit commit;
        writer.lock();
        try {
            commit = index.snapshot();
        } finally {
            writer.unlock();
        }
        index.copyAndRelease(commit, target);
    }

    /** Stops embedding (what is left is embedded after the next start) and closes the index. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        worker.close();
        writer.lock();
        try {
            index.close();
        } finally {
            writer.unlock();
        }
    }
}
