package dev.steward.homeserver.bench;

import static java.util.concurrent.TimeUnit.SECONDS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.homeserver.TestEvents;
import dev.steward.homeserver.appservice.AppserviceApi;
import dev.steward.homeserver.appservice.AppserviceListener;
import dev.steward.homeserver.bench.BenchmarkTable.Row;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.homeserver.inbox.Inbox;
import dev.steward.homeserver.registration.Registration;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * How fast Steward takes in what a busy homeserver pushes: transactions of 100 {@code m.text} messages PUT over
 * loopback HTTP to the real appservice API, stored in the real inbox on an H2 file, a few transactions in flight at
 * once as Synapse sends them under load. Measures the time to acknowledge each transaction and the events stored per
 * second, and writes them to {@code docs/benchmarks.md} (the only argument).
 */
public final class IngestBenchmark {
    private static final String COMMAND = "./mvnw -B -Pbench -pl homeserver verify";
    private static final String HS_TOKEN = Registration.randomToken();
    private static final int EVENTS_PER_TRANSACTION = 100;
    // Synapse sends one transaction at a time per appservice; four in flight is a homeserver catching up under load.
    private static final int IN_FLIGHT = 4;
    private static final int WARM_UP_TRANSACTIONS = 300;
    private static final int MEASURED_TRANSACTIONS = 2_000;
    private static final Duration TIME_CAP = Duration.ofMinutes(2);
    private static final double TARGET_EVENTS_PER_S = 20_000;
    private static final double TARGET_P99_MS = 50;

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: IngestBenchmark <path of docs/benchmarks.md>");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("steward-ingest-bench");
        LoadRun.Result result;
        try {
            result = measure(dir);
        } finally {
            deleteRecursively(dir);
        }
        report(result, Path.of(args[0]));
    }

    private static LoadRun.Result measure(Path dir) throws Exception {
        // The settings the running Steward opens its database with (bot's Steward.openDatabase): WRITE_DELAY=0 writes
        // every commit to the file before the homeserver is told 200. A pool, as Steward has: H2 closes a file
        // database when its last connection closes, so a bare data source would measure reopening the file.
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                H2Files.url(dir.resolve("steward")), "sa", "");
        pool.setMaxConnections(IN_FLIGHT * 2);
        Vertx vertx = Vertx.vertx();
        try {
            Inbox inbox = Inbox.open(pool, Clock.systemUTC());
            Router router = Router.router(vertx);
            new AppserviceApi(vertx, HS_TOKEN, inbox, AppserviceListener.NONE, 16 * 1024 * 1024, user -> false)
                    .mount(router);
            HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
            WebClient client = WebClient.create(vertx,
                    new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.actualPort()),
                    new PoolOptions().setHttp1MaxSize(IN_FLIGHT));

            // Every body is built before the warm-up, so the measured run does not pay for moving them in the heap.
            LoadRun warmUp = new LoadRun(client, HS_TOKEN, transactions("warm", WARM_UP_TRANSACTIONS), IN_FLIGHT);
            LoadRun measured = new LoadRun(client, HS_TOKEN, transactions("run", MEASURED_TRANSACTIONS), IN_FLIGHT);
            warmUp.run(TIME_CAP).get(TIME_CAP.toSeconds() + 30, SECONDS);
            LoadRun.Result result = measured.run(TIME_CAP).get(TIME_CAP.toSeconds() + 30, SECONDS);

            // Figures for events that were not really stored would be worthless: check every acknowledged one is there.
            long expected = (long) (warmUp.acknowledged() + result.transactions()) * EVENTS_PER_TRANSACTION;
            long stored = inbox.pendingCount();
            if (stored != expected) {
                throw new IllegalStateException("acknowledged " + expected + " events but the inbox holds " + stored);
            }
            return result;
        } finally {
            await(vertx.close());
            pool.dispose();
        }
    }

    /** Transaction bodies, built before the clock starts so that only Steward's side is measured. */
    private static List<Buffer> transactions(String prefix, int count) {
        SplittableRandom random = new SplittableRandom(prefix.hashCode());
        Buffer[] bodies = new Buffer[count];
        byte[] hash = new byte[32];
        for (int t = 0; t < count; t++) {
            ObjectNode[] events = new ObjectNode[EVENTS_PER_TRANSACTION];
            for (int e = 0; e < EVENTS_PER_TRANSACTION; e++) {
                random.nextBytes(hash);
                String eventId = "$" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
                events[e] = TestEvents.messageJson(eventId, String.format(Locale.ROOT,
                        "%s %d.%d: the deploy of api-gateway %d finished, can someone check the latency dashboard?",
                        prefix, t, e, random.nextInt(1000)));
            }
            bodies[t] = Buffer.buffer(TestEvents.transaction(events).toString());
        }
        return Arrays.asList(bodies);
    }

    private static void report(LoadRun.Result result, Path table) throws IOException {
        double eventsPerSecond = result.transactions() * (double) EVENTS_PER_TRANSACTION / result.elapsedSeconds();
        double p50 = result.ackPercentileMillis(50);
        double p99 = result.ackPercentileMillis(99);
        LocalDate today = LocalDate.now();
        List<Row> rows = List.of(
                new Row("ingest_events_per_s", String.format(Locale.ROOT, "%.0f", eventsPerSecond), "events/s",
                        "≥ 20000", today, COMMAND),
                new Row("ingest_ack_p50_ms", String.format(Locale.ROOT, "%.1f", p50), "ms", "", today, COMMAND),
                new Row("ingest_ack_p99_ms", String.format(Locale.ROOT, "%.1f", p99), "ms", "< 50", today, COMMAND));

        System.out.printf(Locale.ROOT, "ingest: %d transactions of %d events, %d in flight, %.1f s%s%n",
                result.transactions(), EVENTS_PER_TRANSACTION, IN_FLIGHT, result.elapsedSeconds(),
                result.transactions() < MEASURED_TRANSACTIONS ? " (stopped by the time cap)" : "");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-20s %10s %-9s target %s%n", row.figure(), row.value(), row.unit(),
                    row.target().isEmpty() ? "-" : row.target());
        }
        System.out.printf(Locale.ROOT, "ingest: acknowledgement p90 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                result.ackPercentileMillis(90), result.ackPercentileMillis(99.9), result.ackPercentileMillis(100));
        if (eventsPerSecond < TARGET_EVENTS_PER_S || p99 >= TARGET_P99_MS) {
            System.out.println("ingest: TARGET MISSED");
        }
        BenchmarkTable.update(table, rows);
        System.out.println("ingest: figures written to " + table);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, SECONDS);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
