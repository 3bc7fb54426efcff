package dev.steward.bot.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.homeserver.Json;
import dev.steward.homeserver.appservice.ExtensionHandler;
import dev.steward.homeserver.appservice.TransactionExtensions;
import dev.steward.homeserver.event.MatrixEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encryption side of appservice transactions: to-device messages are stored before the transaction is
 * acknowledged, then decrypted over Olm one at a time, in order; room keys are kept, and the events that waited for
 * them go back to the pipeline. One-time key counts top the keys up; device list changes mark users for a new query.
 */
final class ToDeviceReceiver implements ExtensionHandler {
    private static final Logger log = LoggerFactory.getLogger(ToDeviceReceiver.class);
    private static final int BATCH = 100;

    private final CryptoThread crypto;
    private final WaitingEvents stored;
    private final OlmChannel olm;
    private final RoomKeys roomKeys;
    private final DeviceTracker tracker;
    private final DeviceSetup setup;
    private final int maxOneTimeKeys;
    private final CryptoMeters meters;
    private volatile Consumer<MatrixEvent> redeliver = event -> { };
    private Future<Void> draining = Future.succeededFuture();
    private boolean again;

    ToDeviceReceiver(CryptoThread crypto, WaitingEvents stored, OlmChannel olm, RoomKeys roomKeys,
            DeviceTracker tracker, DeviceSetup setup, int maxOneTimeKeys, CryptoMeters meters) {
        this.crypto = crypto;
        this.stored = stored;
        this.olm = olm;
        this.roomKeys = roomKeys;
        this.tracker = tracker;
        this.setup = setup;
        this.maxOneTimeKeys = maxOneTimeKeys;
        this.meters = meters;
    }

    /** Where events whose room key arrived go: the pipeline's room chains. */
    void redeliverTo(Consumer<MatrixEvent> pipeline) {
        this.redeliver = pipeline;
    }

    @Override
    public Future<Void> store(String txnId, TransactionExtensions extensions) {
        List<JsonNode> mine = extensions.toDevice().stream().filter(this::forSteward).toList();
        Future<Void> kept = mine.isEmpty() ? Future.succeededFuture() : crypto.run(() -> {
            for (int i = 0; i < mine.size(); i++) {
                stored.addToDevice(txnId, i, mine.get(i).toString());
            }
        });
        return kept.onSuccess(done -> {
            // After the homeserver is answered: a slow query or upload must not make it retry the transaction.
            keyCounts(extensions);
            Set<String> changed = new java.util.HashSet<>(extensions.changedDeviceLists());
            changed.addAll(extensions.leftDeviceLists());
            tracker.changed(changed).onFailure(e -> log.warn("marking changed device lists failed: {}", e.toString()));
            if (!mine.isEmpty()) {
                drain();
            }
        });
    }

    private boolean forSteward(JsonNode message) {
        return olm.user().value().equals(message.path("to_user_id").asText())
                && (olm.deviceId().equals(message.path("to_device_id").asText())
                        || "*".equals(message.path("to_device_id").asText()));
    }

    private void keyCounts(TransactionExtensions extensions) {
        Map<String, Integer> counts = extensions.oneTimeKeyCounts().getOrDefault(olm.user().value(), Map.of())
                .get(olm.deviceId());
        List<String> unusedFallback = extensions.unusedFallbackKeys().getOrDefault(olm.user().value(), Map.of())
                .get(olm.deviceId());
        int count = counts == null ? maxOneTimeKeys : counts.getOrDefault(Vodozemac.SIGNED_CURVE25519, 0);
        boolean fallbackUsed = unusedFallback != null && !unusedFallback.contains(Vodozemac.SIGNED_CURVE25519);
        if (count < maxOneTimeKeys / 2 || fallbackUsed) {
            setup.replenish(count, fallbackUsed)
                    .onFailure(e -> log.warn("uploading one-time keys failed: {}", e.toString()));
        }
    }

    /** Handles the stored to-device messages in order; one drain at a time. Also called at start. */
    synchronized void drain() {
        if (!draining.isComplete()) {
            again = true;
            return;
        }
        draining = crypto.run(() -> stored.pendingToDevice(BATCH))
                .compose(this::handleAll)
                .onFailure(e -> log.warn("handling to-device messages failed; they are tried again with the next"
                        + " ones: {}", e.toString()))
                .onComplete(done -> {
                    boolean more;
                    synchronized (this) {
                        more = again || (done.succeeded() && done.result());
                        again = false;
                    }
                    if (more) {
                        drain();
                    }
                })
                .mapEmpty();
    }

    private Future<Boolean> handleAll(List<WaitingEvents.ToDevice> batch) {
        Future<Void> chain = Future.succeededFuture();
        for (WaitingEvents.ToDevice message : batch) {
            chain = chain.compose(done -> handle(message.json())
                    .recover(e -> {
                        log.warn("a to-device message could not be handled and is dropped: {}", e.toString());
                        return Future.succeededFuture();
                    })
                    .compose(handled -> crypto.run(() -> stored.toDeviceHandled(message.seq()))));
        }
        return chain.map(batch.size() == BATCH);
    }

    private Future<Void> handle(String json) {
        JsonObject message = new JsonObject(json);
        if (!"m.room.encrypted".equals(message.getString("type"))) {
            return Future.succeededFuture();
        }
        return olm.decrypt(message).compose(payload -> payload
                .map(this::act).orElseGet(Future::succeededFuture));
    }

    private Future<Void> act(OlmChannel.Payload payload) {
        JsonObject content = payload.json().getJsonObject("content", new JsonObject());
        String type = payload.json().getString("type");
        if (!Vodozemac.MEGOLM.equals(content.getString("algorithm"))) {
            return Future.succeededFuture();
        }
        String roomId = content.getString("room_id", "");
        String sessionId = content.getString("session_id", "");
        if ("m.room_key".equals(type)) {
            return crypto.run(() -> roomKeys.add(roomId, sessionId, content.getString("session_key", ""),
                    payload.senderKey(), payload.sender(), payload.senderEd25519())).compose(added -> arrived(roomId,
                    sessionId));
        }
        if ("m.forwarded_room_key".equals(type)) {
            return crypto.run(() -> forwarded(payload, content, roomId, sessionId))
                    .compose(kept -> kept ? arrived(roomId, sessionId) : Future.succeededFuture());
        }
        return Future.succeededFuture();
    }

    /**
     * A forwarded room key is taken only for messages waiting for it, and only from a device of the person who sent
     * them (their client answering Steward's key request); anyone else could hand Steward a key of their own making.
     */
    private boolean forwarded(OlmChannel.Payload payload, JsonObject content, String roomId, String sessionId) {
        boolean forTheirWaitingMessages = stored.forSession(roomId, sessionId).stream()
                .map(event -> readEvent(event.eventJson()))
                .flatMap(Optional::stream)
                .anyMatch(event -> event.sender().value().equals(payload.sender()));
        if (!forTheirWaitingMessages) {
            log.warn("dropped a forwarded room key that no waiting message of its forwarder needs");
            return false;
        }
        return roomKeys.addForwarded(roomId, sessionId, content.getString("session_key", ""),
                content.getString("sender_key", payload.senderKey()), payload.sender(),
                content.getString("sender_claimed_ed25519_key", payload.senderEd25519()));
    }

    private Future<Void> arrived(String roomId, String sessionId) {
        meters.roomKeyReceived();
        return crypto.run(() -> stored.forSession(roomId, sessionId)).map(waiting -> {
            for (WaitingEvents.Waiting event : waiting) {
                readEvent(event.eventJson()).ifPresent(redeliver);
            }
            return null;
        });
    }

    private static Optional<MatrixEvent> readEvent(String json) {
        try {
            return Optional.of(MatrixEvent.from(Json.MAPPER.readTree(json)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
