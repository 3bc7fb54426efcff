package dev.steward.homeserver.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the client rides out a homeserver's refusals and failures. A real Synapse cannot be made to answer 429, 502
 * or nothing at all on demand, so this test scripts the answers at the HTTP boundary on loopback; the same client
 * is tested against the real Synapse in {@link MatrixClientIT}.
 */
class ClientRetryTest {
    // Short pauses, and a timeout no loaded machine reaches by accident (a first request once took 2.8 s under load,
    // timed out and was retried): only the test of silence needs a short one.
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofSeconds(10));
    private static final RetryPolicy IMPATIENT = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofMillis(300));

    private Vertx vertx;
    private HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    private MatrixClient client;

    /** One scripted answer: a status and a body, or silence (the request is never answered). */
    private record Answer(int status, String body) {
        static Answer silence() {
            return new Answer(0, null);
        }
    }

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        server = Await.result(vertx.createHttpServer().requestHandler(request -> {
            arrivals.add(System.nanoTime());
            Answer answer = script.isEmpty() ? new Answer(200, "{\"event_id\":\"$ok\"}") : script.poll();
            if (answer.status() > 0) {
                request.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
                        .end(answer.body());
            }
        }).listen(0, "127.0.0.1"));
        client = MatrixClient.create(vertx, WebClient.create(vertx), "http://127.0.0.1:" + server.actualPort(),
                "token", UserId.of("@steward:localhost"), FAST);
    }

    @AfterEach
    void stop() {
        Await.result(vertx.close());
    }

    private String send() {
        return Await.result(client.send(RoomId.of("!room:localhost"), "m.room.message", new JsonObject(), "txn1"))
                .value();
    }

    @Test
    void aRateLimitIsWaitedOutForAsLongAsTheServerAsks() {
        script.add(new Answer(429, "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"slow down\",\"retry_after_ms\":150}"));

        assertThat(send()).isEqualTo("$ok");
        assertThat(arrivals).hasSize(2);
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void serverErrorsAndSilenceAreRetriedUntilAnAnswerComes() {
        client = client.withRetry(IMPATIENT);
        script.add(new Answer(502, "{\"errcode\":\"M_UNKNOWN\",\"error\":\"bad gateway\"}"));
        script.add(Answer.silence());

        assertThat(send()).isEqualTo("$ok");
        assertThat(arrivals).hasSize(3);
    }

    @Test
    void afterTheLastAttemptTheFailureCarriesTheHomeserversErrcode() {
        for (int i = 0; i < 4; i++) {
            script.add(new Answer(503, "{\"errcode\":\"M_UNAVAILABLE\",\"error\":\"down for maintenance\"}"));
        }

        assertThatThrownBy(this::send).isInstanceOfSatisfying(MatrixException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.errcode()).isEqualTo("M_UNAVAILABLE");
            assertThat(e.getMessage()).contains("down for maintenance");
        });
        assertThat(arrivals).hasSize(4);
    }

    @Test
    void aRefusalIsNotRetried() {
        script.add(new Answer(403, "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"not in room\"}"));

        assertThatThrownBy(this::send).isInstanceOfSatisfying(MatrixException.class,
                e -> assertThat(e.errcode()).isEqualTo("M_FORBIDDEN"));
        assertThat(arrivals).hasSize(1);
    }

    @Test
    void creatingARoomIsNotRepeatedAfterAServerError() {
        script.add(new Answer(500, "{\"errcode\":\"M_UNKNOWN\",\"error\":\"oops\"}"));

        assertThatThrownBy(() -> Await.result(client.createRoom(new JsonObject())))
                .isInstanceOf(MatrixException.class);
        assertThat(arrivals).as("a second room could have been created").hasSize(1);
    }
}
