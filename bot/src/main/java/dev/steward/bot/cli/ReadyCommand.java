package dev.steward.bot.cli;

import dev.steward.bot.config.StewardConfig;
import dev.steward.bot.doctor.LocalSteward;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code steward ready -c FILE [--wait SECONDS]}: asks the local Steward's {@code /readyz} and exits 0 when it is
 * ready; with {@code --wait}, asks again until it is or the time is up. The container image's health check and the
 * systemd unit's start-up wait use it, so both read the port from the same configuration as Steward.
 */
final class ReadyCommand {
    private static final Duration AGAIN_AFTER = Duration.ofMillis(250);

    private final PrintStream out;

    ReadyCommand(PrintStream out) {
        this.out = out;
    }

    int run(StewardConfig config, int waitSeconds) throws InterruptedException {
        URI readyz = URI.create(LocalSteward.url(config) + "/readyz");
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        String last;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (true) {
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(readyz)
                            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        out.println(answer.body());
                        return Cli.OK;
                    }
                    last = answer.statusCode() + " " + answer.body();
                } catch (IOException e) {
                    last = "no answer (" + e + ")";
                }
                if (System.nanoTime() >= deadline) {
                    out.println("steward: not ready at " + readyz + ": " + last);
                    return Cli.FAILED;
                }
                Thread.sleep(AGAIN_AFTER);
            }
        }
    }
}
