package dev.steward.bot.roommemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTest {
    @Test
    void aShortMessageIsOneMemory() {
        assertThat(Chunks.of("  Bin day is Thursday.\n\nRecycling every other week.  "))
                .containsExactly("Bin day is Thursday.\n\nRecycling every other week.");
    }

    @Test
    void paragraphsAreJoinedWhileTheyFitAndNeverCut() {
        String paragraph = "x".repeat(600);
        List<String> chunks = Chunks.of(paragraph + "\n\n" + paragraph + "\n\n" + "short");

        assertThat(chunks).containsExactly(paragraph, paragraph + "\n\nshort");
    }

    @Test
    void aLongParagraphIsSplitAtSentenceEndsAndNothingIsLost() {
        String sentence = "The backup runs at two and keeps thirty days of snapshots on the second disk. ";
        String paragraph = sentence.repeat(40).strip();

        List<String> chunks = Chunks.of(paragraph);

        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(chunk -> {
            assertThat(chunk.length()).isLessThanOrEqualTo(Chunks.MAX_CHARS);
            assertThat(chunk).startsWith("The backup").endsWith("second disk.");
        });
        assertThat(String.join(" ", chunks)).isEqualTo(paragraph);
    }
}
