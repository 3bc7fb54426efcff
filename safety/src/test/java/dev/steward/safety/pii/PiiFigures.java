package dev.steward.safety.pii;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision and recall per PII type and language of the scanner over one split. Counting is per sample and type:
 * with 2 phone numbers expected and 3 found, 2 are true positives and 1 is a false positive. Shared by the corpus
 * test and the benchmark, so both report the same figures.
 */
final class PiiFigures {
    private final int samples;
    private final Map<String, int[]> counts = new HashMap<>(); // "TYPE language" -> tp, fp, fn
    private final List<String> mistakes = new ArrayList<>();

    private PiiFigures(int samples) {
        this.samples = samples;
    }

    static PiiFigures of(LabelledCorpus corpus, PiiScanner scanner) {
        PiiFigures figures = new PiiFigures(corpus.samples().size());
        for (LabelledCorpus.Sample sample : corpus.samples()) {
            ScanSummary found = ScanSummary.of(scanner.scan(sample.text()));
            for (PiiType type : PiiType.values()) {
                int expected = sample.expected().getOrDefault(type, 0);
                int actual = found.count(type);
                for (String language : new String[] {sample.language(), "all"}) {
                    int[] c = figures.counts.computeIfAbsent(type + " " + language, k -> new int[3]);
                    c[0] += Math.min(expected, actual);
                    c[1] += Math.max(0, actual - expected);
                    c[2] += Math.max(0, expected - actual);
                }
            }
            if (!found.counts().equals(sample.expected())) {
                figures.mistakes.add("  line " + sample.line() + ": expected " + sample.expected() + ", found "
                        + found);
            }
        }
        return figures;
    }

    double precision(PiiType type) {
        int[] c = counts.get(type + " all");
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    double recall(PiiType type) {
        int[] c = counts.get(type + " all");
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }

    double lowestRecall() {
        double lowest = 1;
        for (PiiType type : PiiType.values()) {
            lowest = Math.min(lowest, recall(type));
        }
        return lowest;
    }

    double lowestPrecision() {
        double lowest = 1;
        for (PiiType type : PiiType.values()) {
            lowest = Math.min(lowest, precision(type));
        }
        return lowest;
    }

    List<String> mistakes() {
        return mistakes;
    }

    String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "PII detection on %d labelled samples: precision/recall (found of expected)%n%-15s %-18s", samples,
                "type", "all"));
        for (String language : LabelledCorpus.LANGUAGES) {
            out.append(String.format(Locale.ROOT, " %-18s", language));
        }
        out.append('\n');
        for (PiiType type : PiiType.values()) {
            out.append(String.format(Locale.ROOT, "%-15s %-18s", type, cell(type, "all")));
            for (String language : LabelledCorpus.LANGUAGES) {
                out.append(String.format(Locale.ROOT, " %-18s", cell(type, language)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private String cell(PiiType type, String language) {
        int[] c = counts.getOrDefault(type + " " + language, new int[3]);
        if (c[0] + c[1] + c[2] == 0) {
            return "-";
        }
        double precision = c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
        double recall = c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
        return String.format(Locale.ROOT, "%.2f/%.2f (%d/%d)", precision, recall, c[0], c[0] + c[2]);
    }
}
