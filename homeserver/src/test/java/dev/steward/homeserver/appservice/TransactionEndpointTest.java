package dev.steward.homeserver.appservice;

import static dev.steward.homeserver.TestEvents.messageJson;
import static dev.steward.homeserver.TestEvents.transaction;
import static dev.steward.homeserver.appservice.RunningAppservice.HS_TOKEN;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.RecordedTransactions;
import dev.steward.homeserver.appservice.RunningAppservice.RecordingListener.Stored;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.inbox.InboxEntry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code PUT .../transactions/{txnId}} as Synapse calls it: every acknowledged event is in the inbox, once. */
class TransactionEndpointTest {
    private static final String PATH = "/_matrix/app/v1/transactions/";

    @TempDir
    Path dir;
    private RunningAppservice appservice;

    @BeforeEach
    void start() throws Exception {
        appservice = RunningAppservice.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        appservice.close();
    }

    @Test
    void everyTransactionSynapseSentIsAcknowledgedAndStored() throws Exception {
        List<RecordedTransactions.Transaction> recorded = RecordedTransactions.transactions();

        for (RecordedTransactions.Transaction txn : recorded) {
            HttpResponse<Buffer> response = appservice.send(HttpMethod.PUT, txn.path(), txn.body().toString());
            assertOk(response);
            assertThat(appservice.listener.stored(txn.txnId()).get(10, SECONDS))
                    .isEqualTo(new Stored(txn.body().get("events").size(), 0));
        }

        List<MatrixEvent> expected = RecordedTransactions.events().stream()
                .map(event -> MatrixEvent.from(event.json())).toList();
        assertThat(appservice.inbox.pending(0, 100)).extracting(InboxEntry::event).containsExactlyElementsOf(expected);
    }

    @Test
    void aRetriedTransactionIsAcknowledgedWithoutStoringAgain() throws Exception {
        String body = transaction(messageJson("$one", "hello")).toString();
        assertOk(appservice.send(HttpMethod.PUT, PATH + "retried", body));

        String changed = transaction(messageJson("$two", "not stored")).toString();
        HttpResponse<Buffer> again = appservice.send(HttpMethod.PUT, PATH + "retried", changed);

        assertOk(again);
        assertThat(appservice.listener.repeated("retried").get(10, SECONDS)).isEqualTo("retried");
        assertThat(appservice.inbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void aTransactionRetriedAfterARestartIsStillRecognised() throws Exception {
        String body = transaction(messageJson("$one", "hello")).toString();
        assertOk(appservice.send(HttpMethod.PUT, PATH + "before-restart", body));
        appservice.close();

        // A new server forgets the recent ids it kept in memory; the inbox's table still knows the transaction.
        appservice = RunningAppservice.start(dir);
        assertOk(appservice.send(HttpMethod.PUT, PATH + "before-restart", body));

        assertThat(appservice.listener.repeated("before-restart").get(10, SECONDS)).isEqualTo("before-restart");
        assertThat(appservice.inbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void legacyPathAndQueryTokenAreAccepted() throws Exception {
        String body = transaction(messageJson("$legacy", "from an old homeserver")).toString();

        HttpResponse<Buffer> response =
                appservice.send(HttpMethod.PUT, "/transactions/old1?access_token=" + HS_TOKEN, null, body);

        assertOk(response);
        assertThat(appservice.listener.stored("old1").get(10, SECONDS)).isEqualTo(new Stored(1, 0));
        assertThat(appservice.inbox.pending(0, 10)).extracting(entry -> entry.event().body())
                .containsExactly("from an old homeserver");
    }

    @Test
    void anUnreadableEventIsSkippedAndTheOthersStored() throws Exception {
        // Refusing the whole transaction would make Synapse resend it forever and block every later event.
        String body = transaction(messageJson("$good", "kept"), messageJson("not-an-event-id", "dropped"),
                messageJson("$also-good", "kept too")).toString();

        assertOk(appservice.send(HttpMethod.PUT, PATH + "mixed", body));

        assertThat(appservice.listener.stored("mixed").get(10, SECONDS)).isEqualTo(new Stored(2, 1));
        assertThat(appservice.inbox.pending(0, 10)).extracting(entry -> entry.event().body())
                .containsExactly("kept", "kept too");
    }

    @Test
    void anEmptyTransactionIsAcknowledged() throws Exception {
        assertOk(appservice.send(HttpMethod.PUT, PATH + "empty", "{\"events\": []}"));

        assertThat(appservice.listener.stored("empty").get(10, SECONDS)).isEqualTo(new Stored(0, 0));
        assertThat(appservice.inbox.pendingCount()).isZero();
    }

    static void assertOk(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(response.bodyAsJsonObject().isEmpty()).isTrue();
    }
}
