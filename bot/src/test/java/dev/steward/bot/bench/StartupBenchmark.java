package dev.steward.bot.bench;

import dev.steward.bot.it.StewardHarness;
import dev.steward.homeserver.bench.BenchmarkTable;
import dev.steward.homeserver.bench.BenchmarkTable.Row;
import dev.steward.homeserver.testing.TestHomeserver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the shipped jar as a separate process, started by the {@code steward} launcher as people start it
 * (with its class data sharing archive, in a cache of the benchmark's own), against the real test Synapse:
 * {@code steward_start_to_ready_ms} from starting the process to {@code /readyz} answering 200 (median of 5 starts
 * on the same data folder, after one that creates it), and {@code steward_idle_rss_mb}, the process's resident
 * memory once it has been idle for {@link #IDLE} after becoming ready (median of the same 5).
 */
public final class StartupBenchmark {
    static final String COMMAND = "./mvnw -B install -DskipTests && ./mvnw -B -Pbench -pl bot verify";
    private static final int MEASURED = 5;
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final Path JAR = Path.of("target/steward.jar");

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path table = Path.of(args[0]);
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the package phase builds it");
        }
        try (TestHomeserver homeserver = TestHomeserver.start(); HttpClient http = HttpClient.newHttpClient()) {
            Path data = Files.createTempDirectory("steward-startup-");
            Path config = StewardHarness.writeConfig(homeserver, data, "");
            String readyz = "http://127.0.0.1:" + homeserver.appservicePort() + "/readyz";
            // The first start creates the database and the class archive, as a first start after installing does.
            start(config, readyz, http, data);
            List<Start> starts = new ArrayList<>();
            for (int i = 0; i < MEASURED; i++) {
                starts.add(start(config, readyz, http, data));
            }
            report(starts, table);
        }
    }

    /** One start: the process from its start to ready, then idle; stopped by SIGTERM as systemd stops it. */
    private static Start start(Path config, String readyz, HttpClient http, Path data) throws Exception {
        ProcessBuilder launcher = new ProcessBuilder("bash", launcher().toString(), "run", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("steward.log").toFile());
        launcher.environment().put("XDG_CACHE_HOME", data.resolve("cache").toString());
        long started = System.nanoTime();
        // The launcher replaces itself with the JVM (exec), so this process is Steward's.
        Process steward = launcher.start();
        try {
            long readyNanos = awaitReady(steward, readyz, http, started);
            steward.waitFor(IDLE.toMillis(), TimeUnit.MILLISECONDS);
            if (!steward.isAlive()) {
                throw new IllegalStateException("Steward exited while idle; see " + data.resolve("steward.log"));
            }
            return new Start((readyNanos - started) / 1e6, residentMegabytes(steward.pid()));
        } finally {
            steward.destroy();
            if (!steward.waitFor(60, TimeUnit.SECONDS)) {
                steward.destroyForcibly();
            }
        }
    }

    private static long awaitReady(Process steward, String readyz, HttpClient http, long started) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(readyz)).timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(120)) {
            if (!steward.isAlive()) {
                throw new IllegalStateException("Steward exited during start-up with " + steward.exitValue());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notListeningYet) {
                // Asked again below.
            }
            steward.waitFor(10, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("Steward was not ready within 120 s");
    }

    private static Path launcher() {
        Path top = JAR.toAbsolutePath().getParent().getParent().getParent();
        Path launcher = top.resolve("steward");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException("no launcher at " + launcher);
        }
        return launcher;
    }

    /** VmRSS from /proc: the memory the process holds in RAM. */
    private static double residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private record Start(double readyMs, double residentMb) {}

    private static void report(List<Start> starts, Path table) throws IOException {
        double ready = median(starts.stream().mapToDouble(Start::readyMs).toArray());
        double resident = median(starts.stream().mapToDouble(Start::residentMb).toArray());
        System.out.printf(Locale.ROOT, "start to ready: %s ms (median %.0f); idle RSS: %s MB (median %.0f)%n",
                starts.stream().map(start -> String.format(Locale.ROOT, "%.0f", start.readyMs())).toList(), ready,
                starts.stream().map(start -> String.format(Locale.ROOT, "%.0f", start.residentMb())).toList(),
                resident);
        if (ready > 2_500 || resident > 300) {
            System.out.println("start-up: TARGET MISSED");
        }
        LocalDate today = LocalDate.now();
        BenchmarkTable.update(table, List.of(
                new Row("steward_start_to_ready_ms", String.format(Locale.ROOT, "%.0f", ready), "ms", "≤ 2500", today,
                        COMMAND),
                new Row("steward_idle_rss_mb", String.format(Locale.ROOT, "%.0f", resident), "MB", "≤ 300", today,
                        COMMAND)));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
