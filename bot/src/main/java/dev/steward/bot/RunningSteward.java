package dev.steward.bot;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.bot.pipeline.Pipeline;
import dev.steward.homeserver.inbox.Inbox;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.steward.memory.MemoryStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A started Steward: its port, and the means to stop it cleanly. */
public final class RunningSteward {
    private final Vertx vertx;
    private final HttpServer server;
    private final HikariDataSource dataSource;
    private final Pipeline pipeline;
    private final PrometheusMeterRegistry registry;
    private final Inbox inbox;
    private final long pruningTimer;
    private final MemoryStore memory;
    private final AutoCloseable embedder;

    RunningSteward(Vertx vertx, HttpServer server, HikariDataSource dataSource, Pipeline pipeline,
            PrometheusMeterRegistry registry, Inbox inbox, long pruningTimer, MemoryStore memory,
            AutoCloseable embedder) {
        this.memory = memory;
        this.embedder = embedder;
        this.vertx = vertx;
        this.server = server;
        this.dataSource = dataSource;
        this.pipeline = pipeline;
        this.registry = registry;
        this.inbox = inbox;
        this.pruningTimer = pruningTimer;
    }

    public int port() {
        return server.actualPort();
    }

    public Vertx vertx() {
        return vertx;
    }

    public Inbox inbox() {
        return inbox;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public MemoryStore memory() {
        return memory;
    }

    /** Stops taking requests, lets the pipeline stop, closes the memory, the database and Vert.x. */
    public Future<Void> close() {
        vertx.cancelTimer(pruningTimer);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        // A short grace for requests under way; without one Vert.x waits up to 30 s for every open connection.
        server.shutdown(5, TimeUnit.SECONDS)
                .compose(ignored -> pipeline.close(Duration.ofSeconds(10)))
                .compose(ignored -> vertx.executeBlocking(() -> {
                    // The index first (it commits), then the model, then the database under both.
                    memory.close();
                    embedder.close();
                    dataSource.close();
                    return null;
                }))
                // Vert.x must be closed from outside its own threads: a callback on a stopped event loop never runs.
                .onComplete(ignored -> Thread.startVirtualThread(
                        () -> vertx.close().onComplete(done -> closed.complete(null))));
        return Future.fromCompletionStage(closed);
    }
}
