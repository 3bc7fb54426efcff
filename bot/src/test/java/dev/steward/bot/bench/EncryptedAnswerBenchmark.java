package dev.steward.bot.bench;

import static dev.steward.bot.bench.AnswerOverheadBenchmark.percentile;

import dev.steward.bot.RunningSteward;
import dev.steward.bot.Steward;
import dev.steward.bot.config.ConfigLoader;
import dev.steward.bot.it.EncryptedClient;
import dev.steward.bot.it.StewardHarness;
import dev.steward.homeserver.bench.BenchmarkTable;
import dev.steward.homeserver.bench.BenchmarkTable.Row;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.TestHomeserver;
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
 * Steward's own time on {@code !ping} in an end-to-end encrypted room, from the encrypted event received to the
 * encrypted answer sent: decrypting the command, handling it, encrypting the answer with the room's Megolm session
 * and storing the session's new state. The person is a real matrix-js-sdk client (Rust crypto); 100 warm-up then 500
 * measured pings, one at a time, each after the previous answer came back to Steward.
 */
public final class EncryptedAnswerBenchmark {
    static final String COMMAND = "./mvnw -B install -DskipTests && ./mvnw -B -Pbench -pl bot verify";
    private static final int WARM_UP = 100;
    private static final int MEASURED = 500;

    private EncryptedAnswerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path table = Path.of(args[0]);
        try (TestHomeserver homeserver = TestHomeserver.start()) {
            Path data = Files.createTempDirectory("steward-bench-e2ee-");
            Path config = StewardHarness.writeConfig(homeserver, data, """
                    encryption:
                      store_key: "benchmark-store-key-0123456789"
                    """);
            OwnTime probe = new OwnTime("/send/m.room.encrypted/");
            RunningSteward steward = Await.result(Steward.start(new ConfigLoader(Map.of()).read(config),
                    Clock.systemUTC(), probe), Duration.ofSeconds(60));
            try (EncryptedClient alice = EncryptedClient.login(homeserver, homeserver.person(StewardHarness.ALLOWED),
                    data.resolve("logs"))) {
                RoomId room = alice.createEncryptedRoom("overhead", homeserver.botUser());
                alice.awaitMembership(room, homeserver.botUser(), "join");
                // The first message shares the room keys both ways; what is measured is every message after it.
                alice.awaitAnswer(room, homeserver.botUser(), alice.send(room, "!ping"));
                run(probe, alice, room, WARM_UP);
                report(run(probe, alice, room, MEASURED), table);
            } finally {
                Await.result(steward.close());
            }
        }
    }

    private static long[] run(OwnTime probe, EncryptedClient alice, RoomId room, int requests) throws Exception {
        long[] own = new long[requests];
        for (int i = 0; i < requests; i++) {
            var answered = probe.begin();
            alice.send(room, "!ping");
            answered.get(30, TimeUnit.SECONDS);
            own[i] = probe.ownNanos();
            probe.awaitEcho(Duration.ofSeconds(2));
        }
        return own;
    }

    private static void report(long[] own, Path table) throws Exception {
        long[] sorted = own.clone();
        Arrays.sort(sorted);
        double p50 = percentile(sorted, 50);
        double p99 = percentile(sorted, 99);
        System.out.printf(Locale.ROOT, "encrypted !ping overhead over %d requests: p50 %.2f ms, p99 %.2f ms, max %.2f"
                + " ms%n", own.length, p50, p99, percentile(sorted, 100));
        if (p99 > 30) {
            System.out.println("encrypted answer overhead: TARGET MISSED");
        }
        LocalDate today = LocalDate.now();
        BenchmarkTable.update(table, List.of(
                new Row("e2ee_answer_overhead_p50_ms", String.format(Locale.ROOT, "%.2f", p50), "ms", "", today,
                        COMMAND),
                new Row("e2ee_answer_overhead_p99_ms", String.format(Locale.ROOT, "%.2f", p99), "ms", "≤ 30", today,
                        COMMAND)));
    }
}
