package dev.steward.homeserver.client;

import static dev.steward.homeserver.client.ClientCall.segment;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;

/**
 * The client-server API, acting as one user: the bot with the appservice's {@code as_token}, one of its namespaced
 * users ({@link #actingAs}), or a person with their own access token (tests). Every method returns a future that
 * fails with a {@link MatrixException} carrying the homeserver's {@code errcode}.
 */
public final class MatrixClient {
    private static final String V3 = "/_matrix/client/v3";
    private static final String V1 = "/_matrix/client/v1";

    private final Vertx vertx;
    private final WebClient web;
    private final String baseUrl;
    private final String accessToken;
    private final UserId self;
    private final boolean masquerading;
    private final RetryPolicy retry;
    private final CallObserver observer;
    private final String deviceId;
    private final EventCodec codec;

    private MatrixClient(Vertx vertx, WebClient web, String baseUrl, String accessToken, UserId self,
            boolean masquerading, RetryPolicy retry, CallObserver observer, String deviceId, EventCodec codec) {
        this.observer = observer;
        this.deviceId = deviceId;
        this.codec = codec;
        this.vertx = vertx;
        this.web = web;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.accessToken = accessToken;
        this.self = self;
        this.masquerading = masquerading;
        this.retry = retry;
    }

    /** A client for {@code self}, authenticated by {@code accessToken} (the as_token for the bot). */
    public static MatrixClient create(Vertx vertx, WebClient web, String baseUrl, String accessToken, UserId self,
            RetryPolicy retry) {
        return new MatrixClient(vertx, web, baseUrl, accessToken, self, false, retry, CallObserver.NONE, null,
                EventCodec.PLAIN);
    }

    /** The same appservice acting as one of its namespaced users ({@code ?user_id=}). */
    public MatrixClient actingAs(UserId user) {
        return new MatrixClient(vertx, web, baseUrl, accessToken, user, true, retry, observer, deviceId, codec);
    }

    /** The same client with another retry policy (for example {@link RetryPolicy#PROBE} for health checks). */
    public MatrixClient withRetry(RetryPolicy policy) {
        return new MatrixClient(vertx, web, baseUrl, accessToken, self, masquerading, policy, observer, deviceId,
                codec);
    }

    /** The same client, telling {@code observer} of every request it makes. */
    public MatrixClient observedBy(CallObserver observer) {
        return new MatrixClient(vertx, web, baseUrl, accessToken, self, masquerading, retry, observer, deviceId,
                codec);
    }

    /**
     * The same appservice acting as one device of its user ({@code ?device_id=}, MSC3202 device masquerading): the
     * device that holds Steward's encryption keys.
     */
    public MatrixClient asDevice(String device) {
        return new MatrixClient(vertx, web, baseUrl, accessToken, self, masquerading, retry, observer, device, codec);
    }

    /** The same client, sealing the messages it sends and opening the events it reads through {@code codec}. */
    public MatrixClient withCodec(EventCodec codec) {
        return new MatrixClient(vertx, web, baseUrl, accessToken, self, masquerading, retry, observer, deviceId,
                codec);
    }

    /** The end-to-end encryption endpoints (keys, to-device, account data), as this client's user and device. */
    public KeysApi keys() {
        return new KeysApi(this);
    }

    public UserId self() {
        return self;
    }

    public String baseUrl() {
        return baseUrl;
    }

    ClientCall call(HttpMethod method, String path) {
        ClientCall call = new ClientCall(vertx, web, retry, accessToken, method, baseUrl + path, observer);
        if (deviceId != null) {
            call.query("device_id", deviceId);
        }
        return masquerading ? call.query("user_id", self.value()) : call;
    }

    private static String room(RoomId room) {
        return V3 + "/rooms/" + segment(room.value());
    }

    public Future<UserId> whoami() {
        return call(HttpMethod.GET, V3 + "/account/whoami").send().map(json -> UserId.of(json.getString("user_id")));
    }

    /** Registers a namespaced user ({@code m.login.application_service}); a user that exists already is fine. */
    public Future<UserId> register(String localpart) {
        UserId user = UserId.of(localpart, self.server());
        return call(HttpMethod.POST, V3 + "/register")
                .body(new JsonObject().put("type", "m.login.application_service").put("username", localpart)
                        .put("inhibit_login", true))
                .notIdempotent()
                .send()
                .map(user)
                .recover(e -> e instanceof MatrixException m && "M_USER_IN_USE".equals(m.errcode())
                        ? Future.succeededFuture(user) : Future.failedFuture(e));
    }

    public Future<RoomId> join(RoomId room) {
        return call(HttpMethod.POST, V3 + "/join/" + segment(room.value())).body(new JsonObject()).send()
                .map(json -> RoomId.of(json.getString("room_id", room.value())));
    }

    public Future<Void> leave(RoomId room, String reason) {
        return call(HttpMethod.POST, room(room) + "/leave").body(withReason(new JsonObject(), reason)).send()
                .mapEmpty();
    }

    public Future<Void> invite(RoomId room, UserId user) {
        return call(HttpMethod.POST, room(room) + "/invite").body(new JsonObject().put("user_id", user.value()))
                .send().mapEmpty();
    }

    public Future<Void> kick(RoomId room, UserId user, String reason) {
        return call(HttpMethod.POST, room(room) + "/kick")
                .body(withReason(new JsonObject().put("user_id", user.value()), reason)).send().mapEmpty();
    }

    /** Sends a message event; the same {@code txnId} never posts twice. See {@link TxnIds}. */
    public Future<EventId> send(RoomId room, String eventType, JsonObject content, String txnId) {
        return codec.seal(room, eventType, content).compose(outgoing -> call(HttpMethod.PUT,
                room(room) + "/send/" + segment(outgoing.type()) + "/" + segment(txnId))
                .body(outgoing.content()).send().map(MatrixClient::eventId));
    }

    public Future<EventId> sendState(RoomId room, String eventType, String stateKey, JsonObject content) {
        return call(HttpMethod.PUT, room(room) + "/state/" + segment(eventType) + "/" + segment(stateKey))
                .body(content).send().map(MatrixClient::eventId);
    }

    public Future<EventId> redact(RoomId room, EventId event, String reason, String txnId) {
        return call(HttpMethod.PUT, room(room) + "/redact/" + segment(event.value()) + "/" + segment(txnId))
                .body(withReason(new JsonObject(), reason)).send().map(MatrixClient::eventId);
    }

    /** The whole current state of a room, as a list of state events. */
    public Future<JsonArray> state(RoomId room) {
        return call(HttpMethod.GET, room(room) + "/state").sendForArray();
    }

    /** The content of one state event; fails with {@code M_NOT_FOUND} when there is none. */
    public Future<JsonObject> stateEvent(RoomId room, String eventType, String stateKey) {
        return call(HttpMethod.GET, room(room) + "/state/" + segment(eventType) + "/" + segment(stateKey)).send();
    }

    public Future<PowerLevels> powerLevels(RoomId room) {
        return stateEvent(room, "m.room.power_levels", "").map(PowerLevels::new);
    }

    public Future<Void> typing(RoomId room, boolean typing, Duration timeout) {
        JsonObject body = new JsonObject().put("typing", typing);
        if (typing) {
            body.put("timeout", timeout.toMillis());
        }
        return call(HttpMethod.PUT, room(room) + "/typing/" + segment(self.value())).body(body).send().mapEmpty();
    }

    /** Uploads a file to the media repository (spec: {@code POST /_matrix/media/v3/upload}); its {@code mxc://} URI. */
    public Future<String> upload(String fileName, String contentType, byte[] content) {
        return call(HttpMethod.POST, "/_matrix/media/v3/upload").query("filename", fileName)
                .bytes(io.vertx.core.buffer.Buffer.buffer(content), contentType).notIdempotent().send()
                .map(json -> json.getString("content_uri"));
    }

    /** Creates a room (spec: {@code POST /createRoom}); never retried after a timeout, which could make two. */
    public Future<RoomId> createRoom(JsonObject request) {
        return call(HttpMethod.POST, V3 + "/createRoom").body(request).notIdempotent().send()
                .map(json -> RoomId.of(json.getString("room_id")));
    }

    public Future<Void> setDisplayName(String displayName) {
        return call(HttpMethod.PUT, V3 + "/profile/" + segment(self.value()) + "/displayname")
                .body(new JsonObject().put("displayname", displayName)).send().mapEmpty();
    }

    public Future<Void> setAvatarUrl(String mxcUri) {
        return call(HttpMethod.PUT, V3 + "/profile/" + segment(self.value()) + "/avatar_url")
                .body(new JsonObject().put("avatar_url", mxcUri)).send().mapEmpty();
    }

    /** A user's global profile ({@code displayname}, {@code avatar_url}). */
    public Future<JsonObject> profile(UserId user) {
        return call(HttpMethod.GET, V3 + "/profile/" + segment(user.value())).send();
    }

    /** Events related to {@code event}; {@code relType} and {@code eventType} narrow the list when not null. */
    public Future<JsonArray> relations(RoomId room, EventId event, String relType, String eventType) {
        String path = V1 + "/rooms/" + segment(room.value()) + "/relations/" + segment(event.value());
        if (relType != null) {
            path += "/" + segment(relType);
            if (eventType != null) {
                path += "/" + segment(eventType);
            }
        }
        return call(HttpMethod.GET, path).query("limit", "100").send()
                .compose(json -> opened(json.getJsonArray("chunk", new JsonArray())));
    }

    /** The latest events of a room, newest first ({@code GET /messages?dir=b}). */
    public Future<JsonArray> latestEvents(RoomId room, int limit) {
        return call(HttpMethod.GET, room(room) + "/messages").query("dir", "b").query("limit", Integer.toString(limit))
                .send().compose(json -> opened(json.getJsonArray("chunk", new JsonArray())));
    }

    public Future<JsonObject> event(RoomId room, EventId event) {
        return call(HttpMethod.GET, room(room) + "/event/" + segment(event.value())).send().compose(codec::open);
    }

    /** Events read back from the homeserver, opened by the codec (decrypted where they can be). */
    private Future<JsonArray> opened(JsonArray events) {
        if (codec == EventCodec.PLAIN || events.isEmpty()) {
            return Future.succeededFuture(events);
        }
        java.util.List<Future<JsonObject>> opening = new java.util.ArrayList<>();
        for (Object event : events) {
            opening.add(event instanceof JsonObject json ? codec.open(json) : Future.succeededFuture(new JsonObject()));
        }
        return Future.all(opening).map(all -> new JsonArray(all.list()));
    }

    /** How many members have joined a room ({@code GET /joined_members}): two means a direct chat with the bot. */
    public Future<Integer> joinedMemberCount(RoomId room) {
        return call(HttpMethod.GET, room(room) + "/joined_members").send()
                .map(json -> json.getJsonObject("joined", new JsonObject()).size());
    }

    /** The rooms this user has joined. */
    public Future<JsonArray> joinedRooms() {
        return call(HttpMethod.GET, V3 + "/joined_rooms").send()
                .map(json -> json.getJsonArray("joined_rooms", new JsonArray()));
    }

    /**
     * Asks the homeserver to ping this appservice (spec: {@code POST /appservice/{appserviceId}/ping}): proves both
     * directions work and returns the round trip the homeserver measured.
     */
    public Future<Duration> pingAppservice(String appserviceId, String transactionId) {
        return call(HttpMethod.POST, V1 + "/appservice/" + segment(appserviceId) + "/ping")
                .body(new JsonObject().put("transaction_id", transactionId)).send()
                .map(json -> Duration.ofMillis(json.getLong("duration_ms", 0L)));
    }

    private static EventId eventId(JsonObject json) {
        return EventId.of(json.getString("event_id"));
    }

    private static JsonObject withReason(JsonObject body, String reason) {
        return reason == null ? body : body.put("reason", reason);
    }
}
