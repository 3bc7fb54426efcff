package dev.steward.safety.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How the word lists, the meaning classifier and a moderation model decide together, over a hand-made model: a
 * two-dimensional "embedding" whose first axis is violence. Texts starting with "harm" score 3 (blocked), with
 * "maybe" 0 (unsure: between -1 and 1), anything else -3 (clean).
 */
class ContentCheckTest {
    private static final SentenceEmbedder AXIS = new SentenceEmbedder() {
        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public float[] embed(String text) {
            return text.startsWith("harm") ? new float[] {1, 0} : text.startsWith("maybe") ? new float[] {0, 1}
                    : new float[] {-1, 0};
        }
    };
    private static final MeaningClassifier MEANING = new MeaningClassifier(model(), AXIS);

    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void meaningBlocksWhatNoListedWordSays() {
        ContentCheck check = new ContentCheck(ContentFilter.bundled(), Optional.of(MEANING), Optional.empty());
        Verdict verdict = check.check("harm the new kid quietly", FilterLevel.STANDARD);
        assertThat(verdict.categories()).containsExactly(Category.VIOLENCE);
        assertThat(verdict.byMeaning()).containsExactly(Category.VIOLENCE);
        assertThat(verdict.auditMatches()).isEmpty();
        assertThat(check.check("a quiet afternoon", FilterLevel.STRICT).blocked()).isFalse();
        assertThat(check.check("harm the new kid quietly", FilterLevel.OFF).blocked()).isFalse();
    }

    @Test
    void wordsAndMeaningAddUp() {
        ContentCheck check = new ContentCheck(ContentFilter.bundled(), Optional.of(MEANING), Optional.empty());
        Verdict verdict = check.check("harm them and buy cocaine", FilterLevel.STANDARD);
        assertThat(verdict.categories()).containsExactly(Category.VIOLENCE, Category.DRUGS);
        assertThat(verdict.auditSummary()).isEqualTo("[VIOLENCE, DRUGS] by meaning [VIOLENCE]");
    }

    @Test
    void anUnsureTextPassesWithoutAModerationModel() {
        ContentCheck check = new ContentCheck(ContentFilter.bundled(), Optional.of(MEANING), Optional.empty());
        assertThat(check.check("maybe something", FilterLevel.STRICT).blocked()).isFalse();
    }

    @Test
    void theModerationModelDecidesWhatTheClassifierIsUnsureAbout() {
        ContentCheck unsafe = withModerator(text -> new ContentModerator.Judgement.Unsafe(Set.of(Category.WEAPONS)));
        assertThat(unsafe.check("maybe something", FilterLevel.STANDARD).categories())
                .containsExactly(Category.WEAPONS);
        ContentCheck unnamed = withModerator(text -> new ContentModerator.Judgement.Unsafe(Set.of()));
        assertThat(unnamed.check("maybe something", FilterLevel.STANDARD).categories())
                .containsExactly(Category.VIOLENCE);
        ContentCheck safe = withModerator(text -> new ContentModerator.Judgement.Safe());
        assertThat(safe.check("maybe something", FilterLevel.STRICT).blocked()).isFalse();
        assertThat(asked).hasValue(3);
    }

    @Test
    void theModerationModelIsNotAskedAboutClearCases() {
        ContentCheck check = withModerator(text -> new ContentModerator.Judgement.Safe());
        assertThat(check.check("harm them", FilterLevel.STRICT).blocked()).isTrue();
        assertThat(check.check("a quiet afternoon", FilterLevel.STRICT).blocked()).isFalse();
        assertThat(asked).hasValue(0);
    }

    @Test
    void aModerationModelThatFailsHoldsBackAtStrictOnly() {
        ContentCheck down = withModerator(text -> {
            throw new IllegalStateException("timed out");
        });
        assertThat(down.check("maybe something", FilterLevel.STRICT).categories()).containsExactly(Category.VIOLENCE);
        assertThat(down.check("maybe something", FilterLevel.STANDARD).blocked()).isFalse();
    }

    @Test
    void aStreamingAnswerIsWithheldOnceASentenceIsHarmfulAndStaysWithheld() {
        ContentCheck check = new ContentCheck(ContentFilter.bundled(), Optional.of(MEANING), Optional.empty());
        GrowingAnswer answer = check.growing(FilterLevel.STANDARD);
        assertThat(answer.shown("Sure")).contains("Sure");
        assertThat(answer.shown("Sure. Here is")).contains("Sure. Here is");
        assertThat(answer.shown("Sure. Here is harm")).contains("Sure. Here is harm"); // the sentence is not done
        GrowingAnswer harmful = check.growing(FilterLevel.STANDARD);
        assertThat(harmful.shown("harm them like this.")).isEmpty();
        assertThat(harmful.shown("harm them like this. And more")).isEmpty();
    }

    @Test
    void atStrictAnUnsureSentenceIsNotShownWhileStreaming() {
        ContentCheck check = new ContentCheck(ContentFilter.bundled(), Optional.of(MEANING), Optional.empty());
        assertThat(check.growing(FilterLevel.STRICT).shown("maybe so.")).isEmpty();
        assertThat(check.growing(FilterLevel.STANDARD).shown("maybe so.")).contains("maybe so.");
    }

    @Test
    void aListedWordWithholdsAStreamingAnswerAtOnce() {
        GrowingAnswer answer = ContentCheck.wordsOnly(ContentFilter.bundled()).growing(FilterLevel.STANDARD);
        assertThat(answer.shown("you can buy cocaine")).isEmpty();
    }

    @Test
    void longTextsAreReadInPiecesAtSentenceEnds() {
        String sentence = "This is a harmless sentence about the weather in spring. ";
        List<String> pieces = MeaningClassifier.pieces(sentence.repeat(12));
        assertThat(pieces).hasSizeGreaterThan(1).allSatisfy(piece -> assertThat(piece.length()).isLessThan(400));
        assertThat(String.join("", pieces)).isEqualTo(sentence.repeat(12));
        assertThat(MeaningClassifier.pieces("short")).containsExactly("short");
    }

    @Test
    void hiddenWordsAreEmbeddedAsTheyRead() {
        String text = "how to h.u.r.t som3one";
        assertThat(MeaningFeatures.readable(text, Normalizer.normalize(text))).isEqualTo("how to hurt someone");
    }

    private ContentCheck withModerator(ContentModerator moderator) {
        ContentModerator counting = text -> {
            asked.incrementAndGet();
            return moderator.judge(text);
        };
        return new ContentCheck(ContentFilter.bundled(), Optional.of(MEANING), Optional.of(counting));
    }

    private static MeaningModel model() {
        Map<FilterLevel, Map<Category, MeaningModel.Linear>> models = new EnumMap<>(FilterLevel.class);
        for (FilterLevel level : MeaningModel.LEVELS) {
            models.put(level, Map.of(Category.VIOLENCE, new MeaningModel.Linear(0, new float[] {3, 0}, 1, -1)));
        }
        return new MeaningModel(2, models);
    }
}
