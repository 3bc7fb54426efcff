package dev.steward.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds memories in the background, on its own thread, in batches of up to {@link #BATCH}. Memories are queued by id
 * when they are stored; the queue is bounded, and {@link #offer} never waits: when the queue is full the memory is
 * left for the catch-up, which reads the database for every memory not embedded yet once the queue has drained. The
 * catch-up also runs first thing after start, so memories whose embedding a crash interrupted are embedded again.
 */
final class EmbeddingWorker implements AutoCloseable {
    /** Texts embedded in one call: enough to keep both cores busy, small enough to commit often. */
    static final int BATCH = 32;
    private static final Logger log = LoggerFactory.getLogger(EmbeddingWorker.class);
    private static final long IDLE_POLL_MS = 250;
    private static final long RETRY_AFTER_FAILURE_MS = 1000;

    /** Where embedded memories go: the store writes their vectors to the index and marks them embedded. */
    @FunctionalInterface
    interface Sink {
        void embedded(List<Memory> memories, List<float[]> vectors);
    }

    private final MemoryTable table;
    private final Embedder embedder;
    private final Sink sink;
    private final BlockingQueue<Long> queue;
    private final AtomicBoolean catchUp = new AtomicBoolean(true);
    // Memories the model failed on alone: skipped until the next start, so one bad text cannot stall the others.
    private final Set<Long> failed = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object progress = new Object();
    private final Thread thread;
    // Where the catch-up continues reading the table; only the worker thread touches it.
    private long catchUpAfter;

    EmbeddingWorker(MemoryTable table, Embedder embedder, Sink sink, int capacity) {
        this.table = table;
        this.embedder = embedder;
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "steward-memory-embedder");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a stored memory for embedding; never waits. */
    void offer(long id) {
        if (!queue.offer(id)) {
            catchUp.set(true);
        }
    }

    /** Waits until nothing is left to embed, or the timeout passes; true when nothing is left. */
    boolean awaitIdle(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (table.pendingCount() > failed.size()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            synchronized (progress) {
                progress.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), IDLE_POLL_MS)));
            }
        }
        return true;
    }

    private void run() {
        while (stopped.getCount() > 0) {
            try {
                if (queue.isEmpty() && catchUp.getAndSet(false)) {
                    refill();
                    continue;
                }
                Long first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Long> batch = new ArrayList<>(BATCH);
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                embed(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database or the index failed: the memories stay pending and the catch-up finds them again.
                log.error("embedding memories failed; trying again in {} ms", RETRY_AFTER_FAILURE_MS, e);
                catchUp.set(true);
                catchUpAfter = 0;
                pause();
            } finally {
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        }
    }

    // Queues the next memories not embedded yet, as many as fit. Reading on from where the last refill stopped
    // lets a pass over a large backlog end even when some of its memories are skipped.
    private void refill() {
        int free = queue.remainingCapacity();
        List<Long> pending = table.pendingIds(catchUpAfter, free);
        for (long id : pending) {
            if (!failed.contains(id) && !queue.offer(id)) {
                catchUpAfter = id - 1;
                catchUp.set(true);
                return;
            }
        }
        if (pending.size() == free && free > 0) {
            catchUpAfter = pending.get(pending.size() - 1);
            catchUp.set(true);
        } else {
            catchUpAfter = 0;
        }
    }

    private void embed(List<Long> ids) {
        List<Memory> memories = table.load(ids, true);
        if (memories.isEmpty()) {
            return;
        }
        List<float[]> vectors;
        try {
            vectors = embedder.embed(memories.stream().map(Memory::text).toList());
        } catch (RuntimeException e) {
            if (memories.size() > 1) {
                memories.forEach(memory -> embed(List.of(memory.id())));
            } else {
                // The text is not logged: memories may hold anything a person wrote.
                failed.add(memories.get(0).id());
                log.warn("memory {} could not be embedded and is found by its words only until restart",
                        memories.get(0).id(), e);
            }
            return;
        }
        sink.embedded(memories, vectors);
    }

    private void pause() {
        try {
            stopped.await(RETRY_AFTER_FAILURE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the batch in hand; what is still queued is embedded after the next start. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
