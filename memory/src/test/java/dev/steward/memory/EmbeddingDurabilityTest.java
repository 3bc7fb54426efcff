package dev.steward.memory;

import static dev.steward.memory.TestStore.KITCHEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A memory stored is a memory kept, even when the process dies while the embedder is half-way through: a child JVM
 * stores memories and halts mid-embedding; the store opened afterwards has every memory, finds each by its words at
 * once, and embeds the rest so each is found by meaning too.
 */
class EmbeddingDurabilityTest {
    private static final Pattern PROGRESS = Pattern.compile("stored=(\\d+) embedded=(\\d+) pending=(\\d+)");

    @Test
    void memoriesSurviveTheProcessDyingWhileEmbedding(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                AddThenHaltWhileEmbedding.class.getName(), dir.toString())).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(9);
        Matcher progress = PROGRESS.matcher(output);
        assertThat(progress.find()).as(output).isTrue();
        assertThat(Long.parseLong(progress.group(1))).isEqualTo(AddThenHaltWhileEmbedding.COUNT);
        assertThat(Long.parseLong(progress.group(3))).as("the child died with memories still to embed").isPositive();

        try (TestStore reopened = new TestStore(dir)) {
            MemoryStore store = reopened.store;
            assertThat(store.counts(KITCHEN).total()).isEqualTo(AddThenHaltWhileEmbedding.COUNT);
            assertThat(store.byAuthor(TestStore.ALICE)).extracting(Memory::text)
                    .containsExactlyElementsOf(texts());
            for (int i = 0; i < AddThenHaltWhileEmbedding.COUNT; i++) {
                assertThat(store.searchBm25("n" + i, Set.of(KITCHEN), 5)).extracting(hit -> hit.memory().text())
                        .containsExactly(DurableTexts.text(i));
            }

            reopened.awaitEmbedded();
            assertThat(store.counts(KITCHEN).embedded()).isEqualTo(AddThenHaltWhileEmbedding.COUNT);
            for (int i = 0; i < AddThenHaltWhileEmbedding.COUNT; i++) {
                assertThat(store.searchVector(DurableTexts.text(i), Set.of(KITCHEN), 1))
                        .extracting(hit -> hit.memory().text()).containsExactly(DurableTexts.text(i));
            }
        }
    }

    private static List<String> texts() {
        return IntStream.range(0, AddThenHaltWhileEmbedding.COUNT).mapToObj(DurableTexts::text)
                .toList();
    }
}
