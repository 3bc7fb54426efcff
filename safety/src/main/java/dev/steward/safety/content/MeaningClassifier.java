package dev.steward.safety.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tells what a text is about from its meaning, not its words: "how do I make my brother fall down the stairs" holds
 * no listed word but is about hurting someone. A small logistic model per category and level over the sentence
 * embedding (see {@link MeaningFeatures}), trained at build time on the labelled train split,
 * its thresholds chosen on the validation split (never on the test split the figures come from).
 *
 * <p>Long texts (answers) are read in pieces of a few sentences, so one harmful paragraph is not averaged away by
 * the harmless ones around it. Thread-safe; blocking (the embedding): call it from a worker thread.
 */
public final class MeaningClassifier {
    /** The bundled model, built by the safety module's build into its jar. */
    static final String RESOURCE = "/content/meaning-model.bin";
    // About three sentences: short enough that one harmful sentence dominates its piece, long enough for context.
    private static final int PIECE_CHARS = 300;

    private final MeaningModel model;
    private final SentenceEmbedder embedder;

    MeaningClassifier(MeaningModel model, SentenceEmbedder embedder) {
        if (model.dimensions() != embedder.dimensions()) {
            throw new IllegalArgumentException("the meaning model expects " + model.dimensions()
                    + "-dimensional embeddings, the embedder gives " + embedder.dimensions());
        }
        this.model = model;
        this.embedder = embedder;
    }

    /** The bundled model over {@code embedder}, which must be the model it was trained with (all-MiniLM-L6-v2). */
    public static MeaningClassifier bundled(SentenceEmbedder embedder) {
        Objects.requireNonNull(embedder, "embedder");
        try (InputStream in = MeaningClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the meaning model " + RESOURCE + " is missing from the safety jar;"
                        + " it is trained by the safety module's build (process-test-classes)");
            }
            return new MeaningClassifier(MeaningModel.read(in), embedder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the meaning model " + RESOURCE, e);
        }
    }

    /**
     * What {@code text} is about at {@code level}: the categories it is blocked in, and those it is unsure about
     * (scored in the band below blocking, where a moderation model may decide). {@code OFF} reads nothing.
     */
    public Reading read(String text, FilterLevel level) {
        Map<Category, MeaningModel.Linear> models = model.at(level);
        if (level == FilterLevel.OFF || text == null || text.isBlank() || models.isEmpty()) {
            return Reading.NOTHING;
        }
        EnumSet<Category> blocked = EnumSet.noneOf(Category.class);
        EnumSet<Category> unsure = EnumSet.noneOf(Category.class);
        for (String piece : pieces(text)) {
            MeaningFeatures features = MeaningFeatures.of(piece, embedder);
            models.forEach((category, linear) -> {
                double score = linear.score(features);
                if (score >= linear.blockAt()) {
                    blocked.add(category);
                } else if (score >= linear.unsureAt()) {
                    unsure.add(category);
                }
            });
        }
        unsure.removeAll(blocked);
        return new Reading(blocked, unsure);
    }

    /** The text cut at sentence ends into pieces of about {@value #PIECE_CHARS} characters. */
    static List<String> pieces(String text) {
        if (text.length() <= PIECE_CHARS) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int lastEnd = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                lastEnd = i + 1;
            }
            if (i - start >= PIECE_CHARS) {
                int cut = lastEnd > start ? lastEnd : i + 1;
                pieces.add(text.substring(start, cut));
                start = cut;
                lastEnd = -1;
            }
        }
        if (start < text.length() && !text.substring(start).isBlank()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    /** The categories a text was read as: blocked, or unsure (never both). */
    public record Reading(Set<Category> blocked, Set<Category> unsure) {
        static final Reading NOTHING = new Reading(Set.of(), Set.of());

        public Reading {
            blocked = Set.copyOf(blocked);
            unsure = Set.copyOf(unsure);
        }
    }
}
