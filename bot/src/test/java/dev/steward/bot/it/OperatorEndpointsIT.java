package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.RunningSteward;
import dev.steward.bot.Steward;
import dev.steward.bot.config.ConfigLoader;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** /healthz, /readyz and /metrics as an operator's probes and Prometheus see them. */
@ExtendWith(SynapseExtension.class)
class OperatorEndpointsIT {

    @Test
    void healthReadinessAndMetricsAnswerWhileEverythingWorks(TestHomeserver homeserver, @TempDir Path data)
            throws Exception {
        try (StewardHarness steward = StewardHarness.start(homeserver, data)) {
            TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
            RoomId room = alice.createRoomJoinedBy("metrics", homeserver.botUser());
            EventId command = alice.send(room, "!ping");
            alice.awaitReply(room, homeserver.botUser(), command);

            HttpResponse<String> health = steward.get("/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(health.body()).getString("status")).isEqualTo("ok");

            HttpResponse<String> ready = steward.get("/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(ready.body()).getMap())
                    .containsEntry("database", "ok").containsEntry("homeserver", "ok");

            HttpResponse<String> metrics = steward.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body())
                    .containsPattern("steward_appservice_transactions_total\\{outcome=\"stored\"} [1-9]")
                    .containsPattern("steward_appservice_events_total\\{outcome=\"stored\"} [1-9]")
                    .containsPattern("steward_commands_total\\{command=\"ping\",outcome=\"ok\"} [1-9]")
                    .containsPattern("steward_events_handled_total\\{outcome=\"ok\",route=\"command\"} [1-9]")
                    .contains("steward_inbox_pending")
                    .containsPattern("vertx_http_server_requests_total\\{[^}]*code=\"200\"")
                    .doesNotContain(room.value())
                    .doesNotContain(alice.id().value());
        }
    }

    @Test
    void readinessFailsWhenTheHomeserverIsUnreachable(TestHomeserver homeserver, @TempDir Path data)
            throws Exception {
        int port = TestHomeserver.freePort();
        String yaml = """
                data_dir: .
                homeserver: {url: "http://127.0.0.1:%d", server_name: localhost}
                appservice: {port: %d, as_token: a-token, hs_token: h-token}
                """.formatted(TestHomeserver.freePort(), port);
        RunningSteward steward = Await.result(Steward.start(new ConfigLoader(Map.of()).parse(yaml, data, "test")));
        try {
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonObject body = new JsonObject(ready.body());
            assertThat(body.getString("database")).isEqualTo("ok");
            assertThat(body.getString("homeserver")).startsWith("failing");
        } finally {
            Await.result(steward.close());
        }
    }
}
