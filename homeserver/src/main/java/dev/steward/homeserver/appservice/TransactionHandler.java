package dev.steward.homeserver.appservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.homeserver.Json;
import dev.steward.homeserver.MatrixError;
import dev.steward.homeserver.event.InvalidEventException;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.inbox.Inbox;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /_matrix/app/v1/transactions/{txnId}}: read the body, drop a known transaction id, persist the events,
 * answer 200. Handling is detached from the request: the pipeline reads the inbox, so a slow handler never makes
 * the homeserver wait or retry, and a crash after the 200 loses nothing.
 */
final class TransactionHandler implements Handler<RoutingContext> {
    private static final Logger log = LoggerFactory.getLogger(TransactionHandler.class);
    private static final int RECENT_IDS = 1024;

    private final Vertx vertx;
    private final Inbox inbox;
    private final AppserviceListener listener;
    private final ExtensionHandler extensions;
    // The fast path for a homeserver's retry; the database's primary key stays the real guard.
    private final Set<String> recentIds = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(RECENT_IDS, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > RECENT_IDS;
                }
            }));

    TransactionHandler(Vertx vertx, Inbox inbox, AppserviceListener listener, ExtensionHandler extensions) {
        this.vertx = vertx;
        this.inbox = inbox;
        this.listener = listener;
        this.extensions = extensions;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String txnId = ctx.pathParam("txnId");
        if (recentIds.contains(txnId)) {
            repeated(ctx, txnId);
            return;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        } catch (IOException e) {
            MatrixError.NOT_JSON.write(ctx.response());
            return;
        }
        if (body == null || !body.path("events").isArray()) {
            MatrixError.BAD_JSON.withMessage("A transaction must be an object with an 'events' array")
                    .write(ctx.response());
            return;
        }
        List<MatrixEvent> events = new ArrayList<>(body.get("events").size());
        int skipped = readEvents(body.get("events"), events, txnId);
        // E2EE hook: to-device messages and key counts are kept by their own store before the events, so a failure
        // of either makes the homeserver send the whole transaction again.
        TransactionExtensions extra = TransactionExtensions.read(body);
        (extra.isEmpty() ? Future.<Void>succeededFuture() : extensions.store(txnId, extra))
                .compose(stored -> persist(txnId, events))
                .onSuccess(stored -> {
                    recentIds.add(txnId);
                    if (stored) {
                        ok(ctx);
                        listener.transactionStored(txnId, events.size(), skipped);
                    } else {
                        repeated(ctx, txnId);
                    }
                })
                .onFailure(e -> {
                    // The homeserver retries a failed transaction, so nothing is lost by refusing it now.
                    log.error("transaction {} could not be stored", txnId, e);
                    MatrixError.UNKNOWN.withMessage("The transaction could not be stored; retry later")
                            .write(ctx.response());
                });
    }

    private static int readEvents(JsonNode array, List<MatrixEvent> into, String txnId) {
        int skipped = 0;
        for (JsonNode json : array) {
            try {
                into.add(MatrixEvent.from(json));
            } catch (InvalidEventException e) {
                // One bad event must not make the homeserver retry the whole transaction forever.
                skipped++;
                log.warn("transaction {}: skipped an event that cannot be read: {}", txnId, e.getMessage());
            }
        }
        return skipped;
    }

    private Future<Boolean> persist(String txnId, List<MatrixEvent> events) {
        return vertx.executeBlocking(() -> inbox.store(txnId, events), false);
    }

    private void repeated(RoutingContext ctx, String txnId) {
        ok(ctx);
        listener.transactionRepeated(txnId);
    }

    private static void ok(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").end("{}");
    }
}
