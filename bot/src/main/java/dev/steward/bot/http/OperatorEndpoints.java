package dev.steward.bot.http;

import dev.steward.homeserver.MatrixError;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.inbox.Inbox;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /healthz} (the process serves requests), {@code /readyz} (the database and the homeserver answer) and
 * {@code /metrics} (Prometheus text). None needs a token: they say nothing secret; bind them to a private address.
 */
public final class OperatorEndpoints {
    private final Vertx vertx;
    private final Inbox inbox;
    private final MatrixClient bot;
    private final PrometheusMeterRegistry registry;

    public OperatorEndpoints(Vertx vertx, Inbox inbox, MatrixClient bot, PrometheusMeterRegistry registry) {
        this.vertx = vertx;
        this.inbox = inbox;
        this.bot = bot;
        this.registry = registry;
    }

    public void mount(Router router) {
        router.get("/healthz").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "ok")));
        router.get("/readyz").handler(this::ready);
        router.get("/metrics").handler(this::metrics);
    }

    private void ready(RoutingContext ctx) {
        Future<String> database = vertx.executeBlocking(() -> {
            inbox.pendingCount();
            return "ok";
        }, false).recover(e -> Future.succeededFuture("failing: " + e.getMessage()));
        Future<String> homeserver = bot.whoami()
                .map(user -> "ok")
                .recover(e -> Future.succeededFuture("failing: " + e.getMessage()));
        Future.join(database, homeserver).onComplete(done -> {
            boolean ready = "ok".equals(database.result()) && "ok".equals(homeserver.result());
            json(ctx, ready ? 200 : 503, new JsonObject()
                    .put("status", ready ? "ready" : "not ready")
                    .put("database", database.result())
                    .put("homeserver", homeserver.result()));
        });
    }

    private void metrics(RoutingContext ctx) {
        // Scraping formats every meter: cheap, but not free, so off the event loop.
        vertx.executeBlocking(registry::scrape, false).onComplete(done -> {
            if (done.failed()) {
                MatrixError.UNKNOWN.write(ctx.response());
                return;
            }
            ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(done.result());
        });
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
