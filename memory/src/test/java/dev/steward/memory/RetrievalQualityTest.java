package dev.steward.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question finds the memory that answers it: over the labelled set, the memory is among the first five hybrid
 * results for at least nine questions in ten, within its own room. BM25 alone and vectors alone are printed to
 * compare.
 */
class RetrievalQualityTest {
    @Test
    void hybridSearchFindsTheAnsweringMemoryAmongTheFirstFive(@TempDir Path dir) {
        LabelledSet set = LabelledSet.load();
        assertThat(set.questions()).hasSizeGreaterThanOrEqualTo(300);

        LabelledSet.Recall recall;
        try (TestStore memories = new TestStore(dir)) {
            recall = set.measure(memories.store);
        }
        System.out.println("labelled set: " + recall);

        assertThat(recall.hybrid()).as(recall.toString()).isGreaterThanOrEqualTo(0.9);
    }
}
