package dev.steward.homeserver.synapse;

import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Registers people on a Synapse through its shared-secret admin API ({@code /_synapse/admin/v1/register}: a nonce,
 * then an HMAC-SHA1 of nonce, user, password and admin flag). Used by the demo and the tests.
 */
public final class SynapseAdmin {
    private static final String PATH = "/_synapse/admin/v1/register";

    /** A registered person: their id and an access token for the client-server API. */
    public record Session(UserId userId, String accessToken) {}

    private final WebClient web;
    private final String baseUrl;
    private final String sharedSecret;

    public SynapseAdmin(WebClient web, String baseUrl, String sharedSecret) {
        this.web = web;
        this.baseUrl = baseUrl;
        this.sharedSecret = sharedSecret;
    }

    public Future<Session> register(String localpart, String password, boolean admin) {
        return web.getAbs(baseUrl + PATH).send()
                .map(response -> checked(response).getString("nonce"))
                .compose(nonce -> web.postAbs(baseUrl + PATH).sendJsonObject(new JsonObject()
                        .put("nonce", nonce)
                        .put("username", localpart)
                        .put("password", password)
                        .put("admin", admin)
                        .put("mac", mac(nonce, localpart, password, admin))))
                .map(response -> {
                    JsonObject json = checked(response);
                    return new Session(UserId.of(json.getString("user_id")), json.getString("access_token"));
                });
    }

    private static JsonObject checked(HttpResponse<Buffer> response) {
        JsonObject json = response.bodyAsJsonObject();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Synapse admin registration failed: " + response.statusCode() + " "
                    + (json == null ? "" : json.encode()));
        }
        return json;
    }

    private String mac(String nonce, String user, String password, boolean admin) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String message = nonce + "\0" + user + "\0" + password + "\0" + (admin ? "admin" : "notadmin");
            return HexFormat.of().formatHex(hmac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA1", e);
        }
    }
}
