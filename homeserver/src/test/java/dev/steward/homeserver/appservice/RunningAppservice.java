package dev.steward.homeserver.appservice;

import static java.util.concurrent.TimeUnit.SECONDS;

import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.homeserver.inbox.Inbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The real appservice API on a loopback port chosen by the OS, with its inbox on an H2 file in {@code dir}, and a
 * client that talks to it as Synapse does.
 */
final class RunningAppservice implements AutoCloseable {
    static final String HS_TOKEN = "hs-token-for-tests-0123456789";
    static final UserId BOT = UserId.of("@steward:localhost");
    static final int BODY_LIMIT = 64 * 1024;

    final Inbox inbox;
    final RecordingListener listener;
    private final Vertx vertx;
    private final WebClient client;

    private RunningAppservice(Vertx vertx, Inbox inbox, RecordingListener listener, WebClient client) {
        this.vertx = vertx;
        this.inbox = inbox;
        this.listener = listener;
        this.client = client;
    }

    static RunningAppservice start(Path dir) throws Exception {
        Vertx vertx = Vertx.vertx();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(H2Files.url(dir.resolve("steward")));
        Inbox inbox = Inbox.open(dataSource, Clock.systemUTC());
        RecordingListener listener = new RecordingListener();
        Router router = Router.router(vertx);
        new AppserviceApi(vertx, HS_TOKEN, inbox, listener, BODY_LIMIT, BOT::equals).mount(router);
        HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        WebClient client = WebClient.create(vertx,
                new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.actualPort()));
        return new RunningAppservice(vertx, inbox, listener, client);
    }

    /** A request with {@code Authorization: Bearer <hs_token>}, as Synapse sends it. */
    HttpResponse<Buffer> send(HttpMethod method, String uri, String body) throws Exception {
        return send(method, uri, "Bearer " + HS_TOKEN, body);
    }

    /** A request with the given {@code Authorization} header (none when null) and body (none when null). */
    HttpResponse<Buffer> send(HttpMethod method, String uri, String authorization, String body) throws Exception {
        HttpRequest<Buffer> request = client.request(method, uri);
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        if (body == null) {
            return await(request.send());
        }
        return await(request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)));
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, SECONDS);
    }

    @Override
    public void close() throws Exception {
        await(vertx.close());
    }

    /** What the API told the rest of Steward, each as a future to wait on. */
    static final class RecordingListener implements AppserviceListener {
        record Stored(int events, int skippedInvalid) {}

        private final Map<String, CompletableFuture<Stored>> stored = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<String>> repeated = new ConcurrentHashMap<>();
        final CompletableFuture<String> pinged = new CompletableFuture<>();

        @Override
        public void transactionStored(String txnId, int events, int skippedInvalid) {
            stored(txnId).complete(new Stored(events, skippedInvalid));
        }

        @Override
        public void transactionRepeated(String txnId) {
            repeated(txnId).complete(txnId);
        }

        @Override
        public void pinged(String transactionId) {
            pinged.complete(transactionId);
        }

        CompletableFuture<Stored> stored(String txnId) {
            return stored.computeIfAbsent(txnId, id -> new CompletableFuture<>());
        }

        CompletableFuture<String> repeated(String txnId) {
            return repeated.computeIfAbsent(txnId, id -> new CompletableFuture<>());
        }
    }
}
