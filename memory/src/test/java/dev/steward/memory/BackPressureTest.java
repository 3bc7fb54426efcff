package dev.steward.memory;

import static dev.steward.memory.TestStore.KITCHEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storing never waits for the embedder: with the embedder held up and its queue full, memories are still stored and
 * found by their words at once; once it runs again, the catch-up embeds every one of them.
 */
class BackPressureTest {
    private static final int QUEUE_CAPACITY = 4;
    private static final int MEMORIES = 100;

    /** The real model, held at a gate until the test opens it. */
    record GatedEmbedder(CountDownLatch gate) implements Embedder {
        @Override
        public int dimensions() {
            return TestStore.EMBEDDER.dimensions();
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return TestStore.EMBEDDER.embed(texts);
        }

        @Override
        public void close() {}
    }

    @Test
    void aFullQueueDelaysEmbeddingButLosesNothing(@TempDir Path dir) {
        CountDownLatch gate = new CountDownLatch(1);
        try (TestStore memories = new TestStore(dir, new GatedEmbedder(gate), QUEUE_CAPACITY)) {
            MemoryStore store = memories.store;
            for (int i = 0; i < MEMORIES; i++) {
                memories.remember(KITCHEN, TestStore.ALICE, DurableTexts.text(i));
            }

            assertThat(store.counts(KITCHEN).pending()).isEqualTo(MEMORIES);
            for (int i = 0; i < MEMORIES; i++) {
                assertThat(store.searchBm25("n" + i, Set.of(KITCHEN), 5)).extracting(hit -> hit.memory().text())
                        .containsExactly(DurableTexts.text(i));
            }

            gate.countDown();
            memories.awaitEmbedded();

            assertThat(store.counts(KITCHEN).embedded()).isEqualTo(MEMORIES);
            for (int i = 0; i < MEMORIES; i++) {
                assertThat(store.searchVector(DurableTexts.text(i), Set.of(KITCHEN), 1))
                        .extracting(hit -> hit.memory().text()).containsExactly(DurableTexts.text(i));
            }
        }
    }
}
