package dev.steward.memory;

import static dev.steward.memory.TestStore.ALICE;
import static dev.steward.memory.TestStore.KITCHEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup's copy of the index, taken while memories are written, is a whole Lucene index holding at least what was
 * committed before it (the rest is indexed again from the database when a restored Steward starts).
 */
class IndexBackupTest {
    @TempDir
    Path dir;
    @TempDir
    Path copy;

    @Test
    void aCopyTakenWhileMemoriesAreWrittenIsAWholeIndex() throws Exception {
        try (TestStore memories = new TestStore(dir)) {
            for (int i = 0; i < 20; i++) {
                memories.remember(KITCHEN, ALICE, "Note " + i + " about the pantry shelves");
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger later = new AtomicInteger();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (writing.get() && later.get() < 2_000) {
                    memories.remember(KITCHEN, ALICE, "Later note " + later.incrementAndGet() + " about the cellar");
                }
            });
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (later.get() < 5 && !writer.isDone() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            memories.store.backupIndex(copy);
            writing.set(false);
            writer.get();

            assertThat(clean(copy)).as("CheckIndex of the copy").isTrue();
            assertThat(documents(copy)).isBetween(20, 20 + later.get());
        }
    }

    @Test
    void anIndexNoWriterHoldsCopiesItsLastCommit() throws IOException {
        try (TestStore memories = new TestStore(dir)) {
            memories.remember(KITCHEN, ALICE, "The bike lock code is in the blue notebook");
            memories.remember(KITCHEN, ALICE, "The spare key is under the flower pot");
            memories.awaitEmbedded();
        }

        MemoryIndex.copyLastCommit(dir.resolve("memory-index"), copy);

        assertThat(clean(copy)).isTrue();
        assertThat(documents(copy)).isEqualTo(2);
    }

    @Test
    void noIndexYetCopiesNothing() throws IOException {
        MemoryIndex.copyLastCommit(dir.resolve("memory-index"), copy.resolve("index"));

        assertThat(copy.resolve("index")).doesNotExist();
    }

    private static boolean clean(Path index) throws IOException {
        try (Directory directory = FSDirectory.open(index); CheckIndex check = new CheckIndex(directory)) {
            check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_INTEGRITY_CHECKS);
            return check.checkIndex().clean;
        }
    }

    private static int documents(Path index) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            return reader.numDocs();
        }
    }
}
