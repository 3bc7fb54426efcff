package dev.steward.bot.bench;

import dev.steward.bot.RunningSteward;
import dev.steward.bot.Steward;
import dev.steward.bot.config.ConfigLoader;
import dev.steward.bot.it.StewardHarness;
import dev.steward.bot.it.standin.ModelStandIn;
import dev.steward.homeserver.bench.BenchmarkTable;
import dev.steward.homeserver.bench.BenchmarkTable.Row;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Steward's own overhead on a model request, from the event received to the answer sent, with the real Synapse and
 * an instant stand-in model: 1,000 {@code !ask} requests one after another, after a warm-up. Each figure is Steward's
 * time on the request minus its waits on the homeserver and the model (see {@link OwnTime}): what Steward adds to
 * whatever its homeserver and models take. The model answers in one message (no stream), so each request ends with
 * exactly one message coming back to Steward, which is awaited before the next request starts.
 */
public final class AnswerOverheadBenchmark {
    private static final String COMMAND = "./mvnw -B install -DskipTests && ./mvnw -B -Pbench -pl bot verify";
    private static final int WARM_UP = 300;
    private static final int MEASURED = 1_000;

    private AnswerOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path table = Path.of(args[0]);
        try (TestHomeserver homeserver = TestHomeserver.start(); ModelStandIn model = ModelStandIn.start("instant")) {
            model.answerWith("Tomatoes, basil and mozzarella.");
            Path data = Files.createTempDirectory("steward-bench-");
            Path config = StewardHarness.writeConfig(homeserver, data, """
                    models:
                      - {name: instant, provider: openai, model_id: instant, base_url: "%s", local: true, stream: false}
                    """.formatted(model.baseUrl()));
            OwnTime probe = new OwnTime();
            RunningSteward steward = Await.result(Steward.start(new ConfigLoader(Map.of()).read(config),
                    Clock.systemUTC(), probe), Duration.ofSeconds(60));
            try {
                TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
                RoomId room = alice.createRoomJoinedBy("overhead", homeserver.botUser());
                run(probe, alice, room, WARM_UP);
                long[] own = run(probe, alice, room, MEASURED);
                report(own, table);
            } finally {
                Await.result(steward.close());
            }
        }
    }

    private static long[] run(OwnTime probe, TestPerson alice, RoomId room, int requests) throws Exception {
        long[] own = new long[requests];
        for (int i = 0; i < requests; i++) {
            var answered = probe.begin();
            alice.send(room, "!ask what goes into a caprese salad, version " + i + "?");
            answered.get(30, TimeUnit.SECONDS);
            own[i] = probe.ownNanos();
            // The answer comes back to Steward as a transaction too: let it arrive before the next request starts.
            probe.awaitEcho(Duration.ofSeconds(2));
        }
        return own;
    }

    private static void report(long[] own, Path table) throws Exception {
        long[] sorted = own.clone();
        Arrays.sort(sorted);
        double p50 = percentile(sorted, 50);
        double p99 = percentile(sorted, 99);
        LocalDate today = LocalDate.now();
        List<Row> rows = List.of(
                new Row("answer_overhead_p50_ms", String.format(Locale.ROOT, "%.2f", p50), "ms", "< 5", today,
                        COMMAND),
                new Row("answer_overhead_p99_ms", String.format(Locale.ROOT, "%.2f", p99), "ms", "< 25", today,
                        COMMAND));
        System.out.printf(Locale.ROOT, "answer overhead over %d requests: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
                + " max %.2f ms%n", own.length, p50, percentile(sorted, 90), p99, percentile(sorted, 100));
        if (p50 >= 5 || p99 >= 25) {
            System.out.println("answer overhead: TARGET MISSED");
        }
        BenchmarkTable.update(table, rows);
    }

    static double percentile(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
