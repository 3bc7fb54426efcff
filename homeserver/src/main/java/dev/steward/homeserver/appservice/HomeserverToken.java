package dev.steward.homeserver.appservice;

import dev.steward.homeserver.MatrixError;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks that a request comes from the homeserver: {@code Authorization: Bearer <hs_token>}, or the deprecated
 * {@code access_token} query parameter that older homeservers send. No token is 401, a wrong one 403.
 *
 * <p>A {@link SecurityPolicyHandler} because Vert.x Web orders a route's handlers by kind and refuses a
 * {@code BodyHandler} after a plain handler: this kind runs before the body handler, so an unauthenticated request
 * is refused before its body is read.
 */
public final class HomeserverToken implements SecurityPolicyHandler {
    private static final String BEARER = "Bearer ";
    private final byte[] expectedDigest;

    public HomeserverToken(String hsToken) {
        this.expectedDigest = sha256(hsToken);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = presented(ctx);
        if (token == null) {
            MatrixError.UNAUTHORIZED.write(ctx.response());
        } else if (!matches(token)) {
            MatrixError.FORBIDDEN.write(ctx.response());
        } else {
            ctx.next();
        }
    }

    private static String presented(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).trim();
        }
        return ctx.request().getParam("access_token");
    }

    /** Compares digests, so the time taken says nothing about the token's content or length. */
    boolean matches(String token) {
        return MessageDigest.isEqual(expectedDigest, sha256(token));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
