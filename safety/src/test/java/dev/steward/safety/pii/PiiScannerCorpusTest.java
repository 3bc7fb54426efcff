package dev.steward.safety.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scanner against the labelled corpus: precision and recall per PII type, printed as a table and required to be
 * at least 0.95 each. Counting is per sample and type: with 2 phone numbers expected and 3 found, 2 are true
 * positives and 1 is a false positive.
 */
class PiiScannerCorpusTest {
    private static final double REQUIRED = 0.95;
    private static LabelledCorpus corpus;

    @BeforeAll
    static void load() throws Exception {
        corpus = LabelledCorpus.load("/pii/labelled.tsv");
    }

    @Test
    void theCorpusIsLargeAndCoversEveryTypeInSeveralLanguages() {
        assertThat(corpus.samples()).hasSizeGreaterThanOrEqualTo(200);
        long negatives = corpus.samples().stream().filter(sample -> sample.expected().isEmpty()).count();
        assertThat(negatives).as("negative samples").isGreaterThanOrEqualTo(80);
        for (PiiType type : PiiType.values()) {
            int positives = corpus.samples().stream().mapToInt(sample -> sample.expected().getOrDefault(type, 0)).sum();
            assertThat(positives).as("expected %s findings", type).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void precisionAndRecallAreAtLeast95PercentForEveryType() {
        PiiScanner scanner = new PiiScanner();
        Map<PiiType, int[]> counts = new EnumMap<>(PiiType.class); // true positives, false positives, false negatives
        for (PiiType type : PiiType.values()) {
            counts.put(type, new int[3]);
        }
        List<String> mistakes = new ArrayList<>();
        for (LabelledCorpus.Sample sample : corpus.samples()) {
            ScanSummary found = ScanSummary.of(scanner.scan(sample.text()));
            for (PiiType type : PiiType.values()) {
                int expected = sample.expected().getOrDefault(type, 0);
                int actual = found.count(type);
                int[] c = counts.get(type);
                c[0] += Math.min(expected, actual);
                c[1] += Math.max(0, actual - expected);
                c[2] += Math.max(0, expected - actual);
            }
            if (!found.counts().equals(sample.expected())) {
                mistakes.add("  line " + sample.line() + ": expected " + sample.expected() + ", found " + found);
            }
        }

        System.out.println(table(counts));
        if (!mistakes.isEmpty()) {
            System.out.println("Samples where the scanner disagrees with the label:");
            mistakes.forEach(System.out::println);
        }
        for (PiiType type : PiiType.values()) {
            int[] c = counts.get(type);
            assertThat(precision(c)).as("precision of %s", type).isGreaterThanOrEqualTo(REQUIRED);
            assertThat(recall(c)).as("recall of %s", type).isGreaterThanOrEqualTo(REQUIRED);
        }
    }

    private static String table(Map<PiiType, int[]> counts) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "PII detection on %d labelled samples%n%-15s %5s %5s %5s %9s %7s%n",
                corpus.samples().size(), "type", "tp", "fp", "fn", "precision", "recall"));
        int[] total = new int[3];
        counts.forEach((type, c) -> {
            table.append(String.format(Locale.ROOT, "%-15s %5d %5d %5d %9.3f %7.3f%n",
                    type, c[0], c[1], c[2], precision(c), recall(c)));
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        });
        table.append(String.format(Locale.ROOT, "%-15s %5d %5d %5d %9.3f %7.3f",
                "all", total[0], total[1], total[2], precision(total), recall(total)));
        return table.toString();
    }

    // A type never reported has made no false claim: precision 1. Its recall is then 0 unless none was expected.
    private static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    private static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }
}
