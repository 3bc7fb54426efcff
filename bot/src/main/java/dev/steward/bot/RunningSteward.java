package dev.steward.bot;

import dev.steward.bot.crypto.EndToEndEncryption;
import dev.steward.bot.feature.Feature;
import dev.steward.bot.pipeline.Pipeline;
import dev.steward.homeserver.inbox.Inbox;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A started Steward: its port, and the means to stop it cleanly. */
public final class RunningSteward {
    private final Services services;
    private final HttpServer server;
    private final Pipeline pipeline;
    private final List<Feature> features;
    private final long housekeepingTimer;
    private final Optional<EndToEndEncryption> e2ee;

    RunningSteward(Services services, HttpServer server, Pipeline pipeline, List<Feature> features,
            long housekeepingTimer, Optional<EndToEndEncryption> e2ee) {
        this.e2ee = e2ee;
        this.services = services;
        this.server = server;
        this.pipeline = pipeline;
        this.features = List.copyOf(features);
        this.housekeepingTimer = housekeepingTimer;
    }

    public int port() {
        return server.actualPort();
    }

    public Vertx vertx() {
        return services.vertx();
    }

    public Inbox inbox() {
        return services.inbox();
    }

    public PrometheusMeterRegistry registry() {
        return services.registry();
    }

    /** Runs the schedule's due jobs now (tests with a settable clock use it rather than wait for a tick). */
    public Future<Integer> runScheduleNow() {
        return services.schedule().runDue();
    }

    /**
     * Stops taking requests, lets the pipeline stop, closes the features (in reverse order of assembly), the database
     * and Vert.x.
     */
    public Future<Void> close() {
        Vertx vertx = services.vertx();
        vertx.cancelTimer(housekeepingTimer);
        services.schedule().stop();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        // A short grace for requests under way; without one Vert.x waits up to 30 s for every open connection.
        server.shutdown(5, TimeUnit.SECONDS)
                .compose(ignored -> pipeline.close(Duration.ofSeconds(10)))
                .compose(ignored -> vertx.executeBlocking(() -> {
                    List<AutoCloseable> closing = new ArrayList<>(features);
                    Collections.reverse(closing);
                    e2ee.ifPresent(closing::add);
                    // Last use of the database: what was forgotten leaves its file before it closes.
                    closing.add(services.compaction()::runIfDue);
                    closing.add(services.dataSource());
                    Steward.closeAll(closing);
                    return null;
                }))
                // Vert.x must be closed from outside its own threads: a callback on a stopped event loop never runs.
                .onComplete(ignored -> Thread.startVirtualThread(
                        () -> vertx.close().onComplete(done -> closed.complete(null))));
        return Future.fromCompletionStage(closed);
    }
}
