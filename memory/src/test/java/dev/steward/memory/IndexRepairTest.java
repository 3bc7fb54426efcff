package dev.steward.memory;

import static dev.steward.memory.TestStore.ALICE;
import static dev.steward.memory.TestStore.KITCHEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database is the source of truth: at start the index is brought back in line with it, whatever it lost. */
class IndexRepairTest {
    @TempDir
    Path dir;

    @Test
    void aLostIndexIsRebuiltFromTheDatabase() throws Exception {
        try (TestStore memories = new TestStore(dir)) {
            for (int i = 0; i < 30; i++) {
                memories.remember(KITCHEN, ALICE, DurableTexts.text(i));
            }
            memories.awaitEmbedded();
            memories.store.close();
            try (Stream<Path> files = Files.walk(memories.indexDir())) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }

            MemoryStore reopened = memories.restart();

            assertThat(reopened.searchBm25("n17", Set.of(KITCHEN), 5)).extracting(hit -> hit.memory().text())
                    .as("found by words at once").containsExactly(DurableTexts.text(17));
            memories.awaitEmbedded();
            assertThat(reopened.counts(KITCHEN).embedded()).isEqualTo(30);
            assertThat(reopened.searchVector(DurableTexts.text(17), Set.of(KITCHEN), 1))
                    .extracting(hit -> hit.memory().text()).containsExactly(DurableTexts.text(17));
        }
    }

    @Test
    void aMemoryDeletedFromTheDatabaseButNotTheIndexIsRemovedAtStart() throws Exception {
        try (TestStore memories = new TestStore(dir)) {
            Memory kept = memories.remember(KITCHEN, ALICE, "The recycling bin is the yellow one");
            Memory gone = memories.remember(KITCHEN, ALICE, "The old safe code was Periwinkle-4455");
            memories.awaitEmbedded();
            memories.store.close();
            // As if the process died between the database delete and the index delete.
            try (Connection connection = memories.pool.getConnection();
                    PreparedStatement delete = connection.prepareStatement("DELETE FROM memories WHERE id = ?")) {
                delete.setLong(1, gone.id());
                delete.executeUpdate();
            }

            MemoryStore reopened = memories.restart();

            assertThat(reopened.search("safe code recycling", Set.of(KITCHEN), 5))
                    .extracting(hit -> hit.memory().id()).containsExactly(kept.id());
            assertThat(ForgettingTest.filesContaining(memories.indexDir(), "Periwinkle")).isEmpty();
        }
    }
}
