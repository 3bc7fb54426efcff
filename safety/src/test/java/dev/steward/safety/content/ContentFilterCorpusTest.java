package dev.steward.safety.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the bundled lists per category over the labelled corpus: the six safety categories at
 * {@code standard}, all seven (profanity included) at {@code strict}. Prints the table and every sample it got
 * wrong, then asserts each figure is at least 0.95.
 */
class ContentFilterCorpusTest {
    private static final double FLOOR = 0.95;
    private static final int MIN_SAMPLES = 200;
    private static final int MIN_POSITIVES = 15;

    private final LabelledCorpus corpus = LabelledCorpus.load();
    private final ContentFilter filter = ContentFilter.bundled();

    @Test
    void corpusIsLargeEnoughAndCoversEveryCategory() {
        assertThat(corpus.samples()).hasSizeGreaterThanOrEqualTo(MIN_SAMPLES);
        for (Category category : Category.values()) {
            FilterLevel level = category.minimumLevel();
            long positives = corpus.samples().stream().filter(s -> s.expected(level).contains(category)).count();
            assertThat(positives).as("positive samples for %s at %s", category, level)
                    .isGreaterThanOrEqualTo(MIN_POSITIVES);
        }
        assertThat(corpus.samples().stream().filter(s -> s.strict().isEmpty()).count())
                .as("clean samples").isGreaterThanOrEqualTo(100);
    }

    @Test
    void eachCategoryReachesPrecisionAndRecallAtStandardAndStrict() {
        List<String> table = new ArrayList<>();
        table.add(String.format("%-9s %-10s %4s %4s %4s %9s %7s", "level", "category", "tp", "fp", "fn", "precision",
                "recall"));
        List<String> below = new ArrayList<>();
        for (FilterLevel level : List.of(FilterLevel.STANDARD, FilterLevel.STRICT)) {
            Map<Category, int[]> counts = count(level);
            for (Category category : Category.values()) {
                if (!level.includes(category.minimumLevel())) {
                    continue;
                }
                int[] c = counts.get(category);
                double precision = ratio(c[0], c[0] + c[1]);
                double recall = ratio(c[0], c[0] + c[2]);
                table.add(String.format("%-9s %-10s %4d %4d %4d %9.3f %7.3f", level.key(), category.key(), c[0],
                        c[1], c[2], precision, recall));
                if (precision < FLOOR || recall < FLOOR) {
                    below.add(level.key() + " " + category.key());
                }
            }
        }
        System.out.println("Content filter over " + corpus.samples().size() + " labelled samples:");
        table.forEach(System.out::println);
        mistakes().forEach(System.out::println);
        assertThat(below).as("categories below %.2f precision or recall", FLOOR).isEmpty();
    }

    // Per category: true positives, false positives, false negatives.
    private Map<Category, int[]> count(FilterLevel level) {
        Map<Category, int[]> counts = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            counts.put(category, new int[3]);
        }
        for (LabelledCorpus.Sample sample : corpus.samples()) {
            Set<Category> found = filter.check(sample.text(), level).categories();
            Set<Category> expected = sample.expected(level);
            for (Category category : Category.values()) {
                boolean want = expected.contains(category);
                boolean got = found.contains(category);
                if (want && got) {
                    counts.get(category)[0]++;
                } else if (got) {
                    counts.get(category)[1]++;
                } else if (want) {
                    counts.get(category)[2]++;
                }
            }
        }
        return counts;
    }

    private List<String> mistakes() {
        List<String> mistakes = new ArrayList<>();
        for (LabelledCorpus.Sample sample : corpus.samples()) {
            for (FilterLevel level : List.of(FilterLevel.STANDARD, FilterLevel.STRICT)) {
                Set<Category> found = filter.check(sample.text(), level).categories();
                if (!found.equals(sample.expected(level))) {
                    mistakes.add(String.format("  line %d at %s: expected %s, found %s: %s", sample.line(),
                            level.key(), sample.expected(level), found, sample.text()));
                }
            }
        }
        return mistakes;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}
