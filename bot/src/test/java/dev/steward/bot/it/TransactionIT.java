package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The appservice endpoint as the homeserver and as an attacker use it, with a real room behind it. */
@ExtendWith(SynapseExtension.class)
class TransactionIT {
    private static JoinedRoom joined;
    private static StewardHarness steward;
    private static TestPerson alice;
    private static RoomId room;

    @BeforeAll
    static void start(TestHomeserver homeserver, @TempDir Path data) throws Exception {
        joined = JoinedRoom.start(homeserver, data, "transactions");
        steward = joined.steward();
        alice = joined.person();
        room = joined.room();
    }

    @AfterAll
    static void stop() {
        joined.close();
    }

    /** A command event as Synapse would push it, in the real room, under a fresh event id. */
    private static JsonObject pingEvent(EventId id) {
        return new JsonObject()
                .put("type", "m.room.message")
                .put("event_id", id.value())
                .put("room_id", room.value())
                .put("sender", alice.id().value())
                .put("origin_server_ts", System.currentTimeMillis())
                .put("content", new JsonObject().put("msgtype", "m.text").put("body", "!ping"));
    }

    private static HttpResponse<String> put(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(steward.baseUrl() + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return steward.send(request.build());
    }

    private static String transaction(JsonObject... events) {
        return new JsonObject().put("events", new JsonArray(java.util.List.of((Object[]) events))).encode();
    }

    @Test
    void theSameTransactionTwiceIsAcknowledgedTwiceAndAnsweredOnce(TestHomeserver homeserver) {
        String token = homeserver.registration().hsToken();
        EventId command = EventId.of("$dup-" + UUID.randomUUID());
        String txn = "/_matrix/app/v1/transactions/dup-" + UUID.randomUUID();

        HttpResponse<String> first = put(txn, token, transaction(pingEvent(command)));
        HttpResponse<String> second = put(txn, token, transaction(pingEvent(command)));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("{}");
        alice.awaitReply(room, homeserver.botUser(), command);
        EventId marker = alice.send(room, "!ping");
        alice.awaitReply(room, homeserver.botUser(), marker);
        assertThat(alice.messagesFrom(room, homeserver.botUser()))
                .extracting(TestPerson::inReplyTo)
                .filteredOn(command.value()::equals)
                .hasSize(1);
        assertThat(steward.get("/metrics").body())
                .containsPattern("steward_appservice_transactions_total\\{outcome=\"repeated\"} [1-9]");
    }

    @Test
    void badRequestsGetMatrixErrorsAndTheProcessKeepsServing(TestHomeserver homeserver) {
        String token = homeserver.registration().hsToken();
        String txn = "/_matrix/app/v1/transactions/bad-" + UUID.randomUUID();
        String valid = transaction(pingEvent(EventId.of("$never-" + UUID.randomUUID())));

        assertError(put(txn, null, valid), 401, "M_UNAUTHORIZED");
        assertError(put(txn, "not-the-token", valid), 403, "M_FORBIDDEN");
        assertError(put(txn, token, "{\"events\": [ {broken"), 400, "M_NOT_JSON");
        assertError(put(txn, token, "{\"events\": 7}"), 400, "M_BAD_JSON");
        assertError(put(txn, token, "{\"events\": [\"" + "x".repeat(2 << 20) + "\"]}"), 413, "M_TOO_LARGE");

        EventId command = alice.send(room, "!ping");
        assertThat(TestPerson.body(alice.awaitReply(room, homeserver.botUser(), command))).startsWith("pong");
        assertThat(steward.get("/healthz").statusCode()).isEqualTo(200);
    }

    private static void assertError(HttpResponse<String> response, int status, String errcode) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(new JsonObject(response.body()).getString("errcode")).isEqualTo(errcode);
    }
}
