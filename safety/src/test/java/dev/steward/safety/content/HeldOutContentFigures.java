package dev.steward.safety.content;

import java.util.Optional;

/**
 * The content check's figures on the held-out test split, for the benchmark: the same counting as
 * {@link ContentCheckCorpusTest}, which asserts them.
 *
 * @param lowestStrictRecall the lowest per-category recall at strict
 * @param lowestStandardRecall the lowest per-category recall at standard
 * @param benignFalsePositiveRate the share of benign samples blocked at strict
 * @param table recall per level, category and language
 */
public record HeldOutContentFigures(double lowestStrictRecall, double lowestStandardRecall,
        double benignFalsePositiveRate, String table) {
    public static HeldOutContentFigures measure() {
        ContentCheck check = new ContentCheck(ContentFilter.bundled(),
                Optional.of(MeaningClassifier.bundled(MiniLmForTests.INSTANCE)), Optional.empty());
        CorpusFigures figures = CorpusFigures.of(LabelledSplit.load("test"), check::check);
        return new HeldOutContentFigures(figures.lowestRecall(FilterLevel.STRICT),
                figures.lowestRecall(FilterLevel.STANDARD), figures.benignFalsePositiveRate(), figures.table());
    }
}
