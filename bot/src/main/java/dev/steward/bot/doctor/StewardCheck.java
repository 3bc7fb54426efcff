package dev.steward.bot.doctor;

import dev.steward.bot.config.StewardConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The Steward this config runs, on this machine: whether it answers, and what its /readyz says. */
final class StewardCheck {
    private StewardCheck() {}

    static Finding run(StewardConfig config, HttpClient http) throws InterruptedException {
        String url = LocalSteward.url(config) + "/readyz";
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return Finding.ok("steward", url + " is ready");
            }
            return Finding.fail("steward", url + " answers " + answer.statusCode() + ": " + answer.body(),
                    "see the failing check above, and Steward's log");
        } catch (IOException e) {
            return Finding.warn("steward", "nothing answers at " + url + " (" + MatrixChecks.reason(e) + ")",
                    "start it: 'steward run -c <config>' (or systemctl start steward)");
        }
    }
}
