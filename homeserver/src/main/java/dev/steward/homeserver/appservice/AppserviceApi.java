package dev.steward.homeserver.appservice;

import dev.steward.homeserver.MatrixError;
import dev.steward.homeserver.id.RoomAlias;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.inbox.Inbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Predicate;

/**
 * The application service API a homeserver calls (spec: Application Service API), with the legacy un-prefixed
 * paths that homeservers may fall back to. Every route checks the {@code hs_token} before reading the body.
 */
public final class AppserviceApi {
    private static final String PREFIX = "/_matrix/app/v1";
    private static final String UNSTABLE_PREFIX = "/_matrix/app/unstable";

    private final Vertx vertx;
    private final Inbox inbox;
    private final AppserviceListener listener;
    private final HomeserverToken token;
    private final long maxBodyBytes;
    private final Predicate<UserId> userExists;
    private final ExtensionHandler extensions;

    /**
     * @param userExists which users of the namespace Steward answers for on a user query
     */
    public AppserviceApi(Vertx vertx, String hsToken, Inbox inbox, AppserviceListener listener, long maxBodyBytes,
            Predicate<UserId> userExists) {
        this(vertx, hsToken, inbox, listener, maxBodyBytes, userExists, ExtensionHandler.NONE);
    }

    /** @param extensions takes the transactions' to-device messages and key counts (end-to-end encryption) */
    public AppserviceApi(Vertx vertx, String hsToken, Inbox inbox, AppserviceListener listener, long maxBodyBytes,
            Predicate<UserId> userExists, ExtensionHandler extensions) {
        this.extensions = extensions;
        this.vertx = vertx;
        this.inbox = inbox;
        this.listener = listener;
        this.token = new HomeserverToken(hsToken);
        this.maxBodyBytes = maxBodyBytes;
        this.userExists = userExists;
    }

    /** Adds the appservice routes to a router that may serve other paths too. */
    public void mount(Router router) {
        TransactionHandler transactions = new TransactionHandler(vertx, inbox, listener, extensions);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
        for (String prefix : new String[] {PREFIX, ""}) {
            router.put(prefix + "/transactions/:txnId").handler(token).handler(body).handler(transactions)
                    .failureHandler(AppserviceApi::failure);
            router.get(prefix + "/users/:userId").handler(token).handler(this::queryUser);
            router.get(prefix + "/rooms/:roomAlias").handler(token).handler(AppserviceApi::queryRoom);
        }
        router.post(PREFIX + "/ping").handler(token).handler(body).handler(this::ping)
                .failureHandler(AppserviceApi::failure);
        for (String prefix : new String[] {PREFIX, UNSTABLE_PREFIX}) {
            router.get(prefix + "/thirdparty/protocol/:protocol").handler(token).handler(AppserviceApi::noProtocol);
            router.get(prefix + "/thirdparty/user/:protocol").handler(token).handler(AppserviceApi::noProtocol);
            router.get(prefix + "/thirdparty/location/:protocol").handler(token).handler(AppserviceApi::noProtocol);
            router.get(prefix + "/thirdparty/user").handler(token).handler(AppserviceApi::nothingBridged);
            router.get(prefix + "/thirdparty/location").handler(token).handler(AppserviceApi::nothingBridged);
        }
    }

    private void queryUser(RoutingContext ctx) {
        UserId user;
        try {
            user = UserId.of(ctx.pathParam("userId"));
        } catch (IllegalArgumentException e) {
            MatrixError.NOT_FOUND.withMessage("Not a valid user id").write(ctx.response());
            return;
        }
        if (userExists.test(user)) {
            json(ctx, new JsonObject());
        } else {
            MatrixError.NOT_FOUND.withMessage("Steward has no such user").write(ctx.response());
        }
    }

    private static void queryRoom(RoutingContext ctx) {
        try {
            RoomAlias.of(ctx.pathParam("roomAlias"));
        } catch (IllegalArgumentException e) {
            MatrixError.NOT_FOUND.withMessage("Not a valid room alias").write(ctx.response());
            return;
        }
        // Steward provides no rooms by alias: people invite it into their own rooms.
        MatrixError.NOT_FOUND.withMessage("Steward has no room with this alias").write(ctx.response());
    }

    private void ping(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            MatrixError.NOT_JSON.write(ctx.response());
            return;
        }
        String transactionId = body == null ? null : body.getString("transaction_id");
        listener.pinged(transactionId);
        json(ctx, new JsonObject());
    }

    private static void noProtocol(RoutingContext ctx) {
        MatrixError.NOT_FOUND.withMessage("Steward bridges no third-party protocol").write(ctx.response());
    }

    private static void nothingBridged(RoutingContext ctx) {
        MatrixError.NOT_FOUND.withMessage("Steward bridges no third-party users or locations").write(ctx.response());
    }

    private static void failure(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            MatrixError.TOO_LARGE.write(ctx.response());
        } else if (ctx.statusCode() == 400) {
            MatrixError.BAD_JSON.write(ctx.response());
        } else {
            MatrixError.UNKNOWN.write(ctx.response());
        }
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
}
