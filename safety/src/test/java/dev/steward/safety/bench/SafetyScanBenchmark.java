package dev.steward.safety.bench;

import dev.steward.homeserver.bench.BenchmarkTable;
import dev.steward.homeserver.bench.BenchmarkTable.Row;
import dev.steward.safety.content.ContentFilter;
import dev.steward.safety.content.FilterLevel;
import dev.steward.safety.pii.PiiScanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * level (strict checks every category, so it is the upper bound of the filter's cost).
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
        Row row = new Row("safety_scan_mb_per_s_per_core", String.format(Locale.ROOT, "%.1f", median), "MB/s",
                "≥ 20", LocalDate.now(), COMMAND);
        System.out.printf(Locale.ROOT, "%-30s %8s %-5s target %s%n", row.figure(), row.value(), row.unit(),
                row.target());
        if (median < TARGET_MB_PER_S) {
            System.out.println("safety scan: TARGET MISSED");
        }
        BenchmarkTable.update(Path.of(args[0]), List.of(row));
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
