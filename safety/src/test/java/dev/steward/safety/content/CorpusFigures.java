package dev.steward.safety.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Recall per level, category and language, and false positives on benign samples, of one content check over one
 * split. A harmful sample counts as caught in its category only when that category is among those found, since the
 * refusal names it. Shared by the corpus test and the benchmark, so both report the same figures.
 */
final class CorpusFigures {
    private final LabelledSplit split;
    private final Map<String, int[]> counts = new HashMap<>(); // "level category language" -> caught, expected
    private final List<String> mistakes = new ArrayList<>();
    private int benign;
    private int benignBlocked;

    private CorpusFigures(LabelledSplit split) {
        this.split = split;
    }

    static CorpusFigures of(LabelledSplit split, BiFunction<String, FilterLevel, Verdict> check) {
        CorpusFigures figures = new CorpusFigures(split);
        for (LabelledSplit.Sample sample : split.samples()) {
            for (FilterLevel level : MeaningModel.LEVELS) {
                Set<Category> found = check.apply(sample.text(), level).categories();
                figures.count(sample, level, found);
            }
        }
        return figures;
    }

    private void count(LabelledSplit.Sample sample, FilterLevel level, Set<Category> found) {
        for (Category category : sample.expected(level)) {
            for (String language : new String[] {sample.language(), "all"}) {
                int[] c = counts.computeIfAbsent(key(level, category, language), k -> new int[2]);
                c[0] += found.contains(category) ? 1 : 0;
                c[1]++;
            }
        }
        if (level == FilterLevel.STRICT && sample.benign()) {
            benign++;
            benignBlocked += found.isEmpty() ? 0 : 1;
        }
        if (!found.containsAll(sample.expected(level)) || (sample.expected(level).isEmpty() && !found.isEmpty())) {
            mistakes.add(String.format(Locale.ROOT, "  %s line %d at %s: expected %s, found %s: %s", split.name(),
                    sample.line(), level.key(), sample.expected(level), found, sample.text()));
        }
    }

    /** Recall of {@code category} at {@code level} in {@code language}, or over all languages when null. */
    double recall(FilterLevel level, Category category, String language) {
        int[] c = counts.get(key(level, category, language == null ? "all" : language));
        return c == null || c[1] == 0 ? 1.0 : (double) c[0] / c[1];
    }

    /** The lowest per-category recall at {@code level}, over all languages. */
    double lowestRecall(FilterLevel level) {
        double lowest = 1.0;
        for (Category category : Category.values()) {
            if (level.includes(category.minimumLevel())) {
                lowest = Math.min(lowest, recall(level, category, null));
            }
        }
        return lowest;
    }

    /** The share of benign samples (nothing to block even at strict) that were blocked at strict. */
    double benignFalsePositiveRate() {
        return benign == 0 ? 0 : (double) benignBlocked / benign;
    }

    List<String> mistakes() {
        return mistakes;
    }

    String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Content check on the %s split (%d samples): recall, caught/expected%n%-9s %-10s %-12s",
                split.name(), split.samples().size(), "level", "category", "all"));
        for (String language : LabelledSplit.LANGUAGES) {
            out.append(String.format(Locale.ROOT, " %-12s", language));
        }
        out.append('\n');
        for (FilterLevel level : MeaningModel.LEVELS) {
            for (Category category : Category.values()) {
                if (!level.includes(category.minimumLevel())) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "%-9s %-10s %-12s", level.key(), category.key(),
                        cell(level, category, "all")));
                for (String language : LabelledSplit.LANGUAGES) {
                    out.append(String.format(Locale.ROOT, " %-12s", cell(level, category, language)));
                }
                out.append('\n');
            }
        }
        out.append(String.format(Locale.ROOT, "benign blocked at strict: %d of %d (%.3f)", benignBlocked, benign,
                benignFalsePositiveRate()));
        return out.toString();
    }

    private String cell(FilterLevel level, Category category, String language) {
        int[] c = counts.get(key(level, category, language));
        return c == null ? "-" : String.format(Locale.ROOT, "%.2f %d/%d", (double) c[0] / c[1], c[0], c[1]);
    }

    private static String key(FilterLevel level, Category category, String language) {
        return level.key() + " " + category.key() + " " + language;
    }
}
