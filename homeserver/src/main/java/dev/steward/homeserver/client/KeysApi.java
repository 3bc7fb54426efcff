package dev.steward.homeserver.client;

import static dev.steward.homeserver.client.ClientCall.segment;

import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * The client-server endpoints of end-to-end encryption (spec: "End-to-End Encryption", "Send-to-Device messaging",
 * "Client Config"), as the client's user and device. Bodies and answers are the spec's JSON: the crypto layer in
 * {@code bot} builds and reads them.
 */
public final class KeysApi {
    private static final String V3 = "/_matrix/client/v3";

    private final MatrixClient client;

    KeysApi(MatrixClient client) {
        this.client = client;
    }

    /**
     * Creates the device if it does not exist (MSC4190: {@code PUT /devices/{deviceId}} by an appservice), or
     * renames it. Idempotent.
     */
    public Future<Void> upsertDevice(String deviceId, String displayName) {
        // Not as the device: it may not exist yet, and the homeserver refuses to act as a device it does not know.
        return client.asDevice(null).call(HttpMethod.PUT, V3 + "/devices/" + segment(deviceId))
                .body(new JsonObject().put("display_name", displayName)).send().mapEmpty();
    }

    /**
     * Deletes the device and every key the homeserver holds for it (MSC4190: no interactive authentication for an
     * appservice); a device that does not exist is fine.
     */
    public Future<Void> deleteDevice(String deviceId) {
        return client.asDevice(null).call(HttpMethod.DELETE, V3 + "/devices/" + segment(deviceId))
                .body(new JsonObject()).send().<Void>mapEmpty()
                .recover(e -> e instanceof MatrixException m && m.status() == 404 ? Future.<Void>succeededFuture()
                        : Future.<Void>failedFuture(e));
    }

    /** {@code POST /keys/upload}: device keys, one-time and fallback keys; the one-time key counts after it. */
    public Future<JsonObject> upload(JsonObject body) {
        return client.call(HttpMethod.POST, V3 + "/keys/upload").body(body).send();
    }

    /** {@code POST /keys/query}: the devices and cross-signing keys of the users named in the body. */
    public Future<JsonObject> query(JsonObject body) {
        return client.call(HttpMethod.POST, V3 + "/keys/query").body(body).send();
    }

    /** {@code POST /keys/claim}: one one-time key per device; never retried after a timeout (each claim uses one). */
    public Future<JsonObject> claim(JsonObject body) {
        return client.call(HttpMethod.POST, V3 + "/keys/claim").body(body).notIdempotent().send();
    }

    /** {@code PUT /sendToDevice/{type}/{txnId}}; the same transaction id never delivers twice. */
    public Future<Void> sendToDevice(String type, String txnId, JsonObject messages) {
        return client.call(HttpMethod.PUT, V3 + "/sendToDevice/" + segment(type) + "/" + segment(txnId))
                .body(new JsonObject().put("messages", messages)).send().mapEmpty();
    }

    /** {@code POST /keys/device_signing/upload}: an appservice user needs no interactive authentication. */
    public Future<Void> uploadCrossSigningKeys(JsonObject body) {
        return client.call(HttpMethod.POST, V3 + "/keys/device_signing/upload").body(body).send().mapEmpty();
    }

    /** {@code POST /keys/signatures/upload}; the answer's {@code failures} are the caller's to read. */
    public Future<JsonObject> uploadSignatures(JsonObject body) {
        return client.call(HttpMethod.POST, V3 + "/keys/signatures/upload").body(body).send();
    }

    /** The user's account data of this type; fails with {@code M_NOT_FOUND} when there is none. */
    public Future<JsonObject> accountData(UserId user, String type) {
        return client.call(HttpMethod.GET, V3 + "/user/" + segment(user.value()) + "/account_data/" + segment(type))
                .send();
    }

    public Future<Void> putAccountData(UserId user, String type, JsonObject content) {
        return client.call(HttpMethod.PUT, V3 + "/user/" + segment(user.value()) + "/account_data/" + segment(type))
                .body(content).send().mapEmpty();
    }

    /** The members of a room with their membership ({@code GET /rooms/{roomId}/members}), as member events. */
    public Future<JsonObject> members(dev.steward.homeserver.id.RoomId room) {
        return client.call(HttpMethod.GET, V3 + "/rooms/" + segment(room.value()) + "/members").send();
    }
}
