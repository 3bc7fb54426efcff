package dev.steward.bot.it;

import dev.steward.bot.RunningSteward;
import dev.steward.bot.Steward;
import dev.steward.bot.config.ConfigLoader;
import dev.steward.bot.config.StewardConfig;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.TestHomeserver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Steward started in-process the way {@code Main} starts it: a config file read by the real loader. */
public final class StewardHarness implements AutoCloseable {
    /** People whose localpart starts with this may invite Steward in the tests' config. */
    public static final String ALLOWED = "friend";

    private final RunningSteward steward;
    private final Path config;
    private final HttpClient http = HttpClient.newHttpClient();

    private StewardHarness(RunningSteward steward, Path config) {
        this.steward = steward;
        this.config = config;
    }

    static StewardHarness start(TestHomeserver homeserver, Path dataDir) throws IOException {
        return start(homeserver, dataDir, "");
    }

    /** Starts Steward with the test config plus {@code extraYaml} (top-level sections, e.g. "pipeline:\n  ..."). */
    static StewardHarness start(TestHomeserver homeserver, Path dataDir, String extraYaml) throws IOException {
        Path file = writeConfig(homeserver, dataDir, extraYaml);
        return start(file);
    }

    private static StewardHarness start(Path file) throws IOException {
        StewardConfig config = new ConfigLoader(Map.of()).read(file);
        return new StewardHarness(Await.result(Steward.start(config), Duration.ofSeconds(60)), file);
    }

    /** A new Steward on the same data and config as a stopped one. */
    static StewardHarness restart(TestHomeserver homeserver, StewardHarness stopped) throws IOException {
        return start(stopped.config);
    }

    /** The config the tests run with: the test Synapse's registration, tokens and appservice port. */
    public static Path writeConfig(TestHomeserver homeserver, Path dataDir, String extraYaml) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("config.yaml");
        Files.writeString(file, """
                data_dir: .
                homeserver:
                  url: %s
                  server_name: %s
                appservice:
                  id: %s
                  port: %d
                  url: http://127.0.0.1:%d
                  as_token: %s
                  hs_token: %s
                  max_body_bytes: 1048576
                invites:
                  allow: ["@%s-*:%s"]
                %s
                """.formatted(homeserver.url(), TestHomeserver.SERVER, homeserver.registration().id(),
                homeserver.appservicePort(), homeserver.appservicePort(), homeserver.registration().asToken(),
                homeserver.registration().hsToken(), ALLOWED, TestHomeserver.SERVER, extraYaml));
        return file;
    }

    RunningSteward steward() {
        return steward;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + steward.port();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Await.result(steward.close(), Duration.ofSeconds(30));
    }
}
