package dev.steward.safety.bench;

import dev.steward.homeserver.bench.BenchmarkTable;
import dev.steward.homeserver.bench.BenchmarkTable.Row;
import dev.steward.safety.content.ContentFilter;
import dev.steward.safety.content.FilterLevel;
import dev.steward.safety.content.HeldOutContentFigures;
import dev.steward.safety.pii.HeldOutPiiFigures;
import dev.steward.safety.pii.PiiScanner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How much chat text one core can check before it leaves Steward: every message goes through each scan stage in turn,
 * single-threaded, after a warm-up. Reports MB of UTF-8 per second as {@code safety_scan_mb_per_s_per_core} in
 * {@code docs/benchmarks.md} (the only argument).
 *
 * <p>The stages are what a request passes before it leaves: the PII scan, then the content filter at its strictest
 * level (strict checks every category, so it is the upper bound of the filter's cost). The meaning classifier is
 * measured apart, per request ({@code content_classify_p99_ms}, see {@link ClassifyLatency}), and so are the
 * accuracy figures on the held-out test splits ({@code content_recall_strict}, {@code content_false_positive_rate},
 * {@code pii_recall_min_type}, {@code pii_precision_min_type}).
 */
public final class SafetyScanBenchmark {
    private static final String COMMAND = "./mvnw -B install -DskipTests && ./mvnw -B -Pbench -pl safety verify";
    private static final long SEED = 20251121L;
    private static final long TEXT_BYTES = 4L * 1024 * 1024;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 5;
    private static final double TARGET_MB_PER_S = 20;

    /** One check every message passes through; the result is kept only so the JIT cannot drop the work. */
    record Stage(String name, Function<String, ?> check) {}

    private SafetyScanBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SafetyScanBenchmark <path of docs/benchmarks.md>");
            System.exit(2);
        }
        ContentFilter filter = ContentFilter.bundled();
        List<Stage> stages = List.of(new Stage("pii", new PiiScanner()::scan),
                new Stage("content filter (strict)", text -> filter.check(text, FilterLevel.STRICT)));
        List<String> messages = ChatText.messages(SEED, TEXT_BYTES);
        long bytes = messages.stream().mapToLong(m -> m.getBytes(StandardCharsets.UTF_8).length).sum();

        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            run(stages, messages);
        }
        double[] mbPerSecond = new double[MEASURED_ROUNDS];
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            long start = System.nanoTime();
            run(stages, messages);
            double seconds = (System.nanoTime() - start) / 1e9;
            mbPerSecond[round] = bytes / 1e6 / seconds;
        }
        Arrays.sort(mbPerSecond);
        double median = mbPerSecond[MEASURED_ROUNDS / 2];

        System.out.printf(Locale.ROOT, "safety scan: %d messages, %.1f MB of UTF-8, stages %s, one thread, "
                + "%d warm-up and %d measured rounds%n", messages.size(), bytes / 1e6,
                stages.stream().map(Stage::name).toList(), WARM_UP_ROUNDS, MEASURED_ROUNDS);
        System.out.printf(Locale.ROOT, "safety scan: rounds %s MB/s%n", Arrays.toString(
                Arrays.stream(mbPerSecond).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).toArray()));
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("safety_scan_mb_per_s_per_core", String.format(Locale.ROOT, "%.1f", median), "MB/s",
                "≥ 20", LocalDate.now(), COMMAND));
        if (median < TARGET_MB_PER_S) {
            System.out.println("safety scan: TARGET MISSED");
        }
        rows.add(new Row("content_classify_p99_ms", classifyP99(), "ms", "≤ 15", LocalDate.now(), COMMAND));
        HeldOutContentFigures content = HeldOutContentFigures.measure();
        System.out.println(content.table());
        rows.add(new Row("content_recall_strict", share(content.lowestStrictRecall()), "share (lowest category)",
                "≥ 0.95", LocalDate.now(), COMMAND));
        rows.add(new Row("content_false_positive_rate", share(content.benignFalsePositiveRate()), "share", "≤ 0.03",
                LocalDate.now(), COMMAND));
        HeldOutPiiFigures pii = HeldOutPiiFigures.measure();
        System.out.println(pii.table());
        rows.add(new Row("pii_recall_min_type", share(pii.lowestRecall()), "share", "≥ 0.97", LocalDate.now(),
                COMMAND));
        rows.add(new Row("pii_precision_min_type", share(pii.lowestPrecision()), "share", "≥ 0.97", LocalDate.now(),
                COMMAND));
        rows.forEach(row -> System.out.printf(Locale.ROOT, "%-30s %8s %-5s target %s%n", row.figure(), row.value(),
                row.unit(), row.target()));
        BenchmarkTable.update(Path.of(args[0]), rows);
    }

    private static String share(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Runs {@link ClassifyLatency} as its own process on one core and reads its p99. */
    private static String classifyP99() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder("taskset", "-c", "0", java, "-cp", System.getProperty("java.class.path"),
                ClassifyLatency.class.getName()).redirectErrorStream(true).start();
        String last = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line.startsWith("p50 ") ? line : last;
            }
        }
        if (process.waitFor() != 0 || last.isEmpty()) {
            throw new IllegalStateException("ClassifyLatency failed (exit " + process.exitValue() + ")");
        }
        System.out.println("content classify, one core: " + last + " ms");
        return last.split(" ")[3];
    }

    // Returns something derived from every result, so no stage's work is dead code to the JIT.
    private static long run(List<Stage> stages, List<String> messages) {
        long sink = 0;
        for (String message : messages) {
            for (Stage stage : stages) {
                sink += System.identityHashCode(stage.check().apply(message));
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return sink;
    }
}
