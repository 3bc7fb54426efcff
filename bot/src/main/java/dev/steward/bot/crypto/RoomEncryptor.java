package dev.steward.bot.crypto;

import de.connect2x.trixnity.crypto.driver.megolm.GroupSession;
import dev.steward.bot.config.StewardConfig.Encryption;
import dev.steward.bot.crypto.DeviceStore.Device;
import dev.steward.bot.crypto.RoomKeyStore.Outbound;
import dev.steward.homeserver.client.EventCodec;
import dev.steward.homeserver.client.KeysApi;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.RoomId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Steward sends in an encrypted room goes out encrypted (spec: "m.megolm.v1.aes-sha2"): one outbound Megolm
 * session per room, rotated after the room's {@code rotation_period_ms} or {@code rotation_period_msgs} or when a
 * device it was shared with is gone, and shared over Olm with the devices of the members that history visibility
 * allows (new devices get it from the current message on). Also opens the events Steward reads back.
 */
final class RoomEncryptor implements EventCodec {
    private static final Logger log = LoggerFactory.getLogger(RoomEncryptor.class);
    private static final long DEFAULT_ROTATION_MS = Duration.ofDays(7).toMillis();
    private static final int DEFAULT_ROTATION_MESSAGES = 100;

    private final CryptoThread crypto;
    private final KeysApi keys;
    private final EncryptedRooms rooms;
    private final DeviceTracker tracker;
    private final OlmChannel olm;
    private final RoomKeyStore store;
    private final RoomKeys roomKeys;
    private final StoreKey storeKey;
    private final OwnDevice device;
    private final Encryption config;
    private final RoomDecryptor decryptor;
    private final CryptoMeters meters;
    private final Map<RoomId, Future<?>> roomTails = new HashMap<>();

    RoomEncryptor(CryptoThread crypto, KeysApi keys, EncryptedRooms rooms, DeviceTracker tracker, OlmChannel olm,
            RoomKeyStore store, RoomKeys roomKeys, StoreKey storeKey, OwnDevice device, Encryption config,
            RoomDecryptor decryptor, CryptoMeters meters) {
        this.crypto = crypto;
        this.keys = keys;
        this.rooms = rooms;
        this.tracker = tracker;
        this.olm = olm;
        this.store = store;
        this.roomKeys = roomKeys;
        this.storeKey = storeKey;
        this.device = device;
        this.config = config;
        this.decryptor = decryptor;
        this.meters = meters;
    }

    @Override
    public Future<Outgoing> seal(RoomId room, String type, JsonObject content) {
        return rooms.isEncrypted(room).compose(encrypted -> encrypted ? inRoomOrder(room, () -> shareThenEncrypt(room,
                type, content)) : Future.succeededFuture(new Outgoing(type, content)));
    }

    @Override
    public Future<JsonObject> open(JsonObject event) {
        if (!"m.room.encrypted".equals(event.getString("type"))) {
            return Future.succeededFuture(event);
        }
        MatrixEvent parsed;
        try {
            parsed = MatrixEvent.from(dev.steward.homeserver.Json.MAPPER.readTree(event.encode()));
        } catch (Exception e) {
            return Future.succeededFuture(event);
        }
        return decryptor.peek(parsed).map(opened -> opened.map(readable -> new JsonObject(readable.raw().toString()))
                .orElse(event)).otherwise(event);
    }

    /** One message at a time per room: its session's index and sharing must not interleave. */
    private synchronized <T> Future<T> inRoomOrder(RoomId room, java.util.function.Supplier<Future<T>> work) {
        Future<?> tail = roomTails.getOrDefault(room, Future.succeededFuture());
        Future<T> next = tail.transform(previous -> work.get());
        roomTails.put(room, next);
        next.onComplete(done -> {
            synchronized (this) {
                roomTails.remove(room, next);
            }
        });
        return next;
    }

    private Future<Outgoing> shareThenEncrypt(RoomId room, String type, JsonObject content) {
        return rooms.recipients(room)
                .compose(tracker::devicesOf)
                .map(this::targets)
                // Usually every device has the key already: then preparing and encrypting take one turn of the
                // crypto thread, not two.
                .compose(targets -> crypto.run(() -> {
                    Sharing sharing = prepare(room, targets);
                    return new Prepared(sharing, sharing.toShare().isEmpty() ? encrypt(room, type, content) : null);
                }))
                .compose(prepared -> prepared.sealed() != null ? Future.succeededFuture(prepared.sealed())
                        : share(prepared.sharing()).compose(shared -> crypto.run(() -> encrypt(room, type, content))))
                .onSuccess(sent -> meters.encryptedSent());
    }

    /** The devices that get the room key, by {@code encryption.share_with} and {@code blocked_devices}. */
    private List<Device> targets(Map<String, List<Device>> byUser) {
        List<Device> targets = new ArrayList<>();
        byUser.values().forEach(devices -> devices.forEach(candidate -> {
            boolean own = candidate.userId().equals(device.user().value())
                    && candidate.deviceId().equals(device.deviceId());
            boolean allowed = config.shareWith() == Encryption.ShareWith.ALL_DEVICES || candidate.crossSigned();
            if (!own && allowed && !config.blockedDevices().contains(candidate.label())) {
                targets.add(candidate);
            }
        }));
        return targets;
    }

    private record Sharing(RoomId room, String sessionId, String sessionKey, List<Device> toShare,
            List<Device> needSession) {}

    /** What the crypto thread prepared: the sharing still to do, or the sealed message when there is none. */
    private record Prepared(Sharing sharing, Outgoing sealed) {}

    private Sharing prepare(RoomId room, List<Device> targets) {
        Set<String> wanted = new LinkedHashSet<>();
        targets.forEach(target -> wanted.add(label(target)));
        Outbound current = store.outbound(room.value()).orElse(null);
        if (current == null || expired(room, current) || !wanted.containsAll(sharedWith(current))) {
            current = rotate(room);
        }
        Set<String> shared = sharedWith(current);
        List<Device> toShare = targets.stream().filter(target -> !shared.contains(label(target))).toList();
        List<Device> needSession = toShare.stream().filter(target -> !olm.hasSession(target)).toList();
        try (GroupSession session = group(current)) {
            return new Sharing(room, current.sessionId(), session.getSessionKey().getBase64(), toShare, needSession);
        } catch (Exception e) {
            throw new IllegalStateException("reading the room's session failed", e);
        }
    }

    private boolean expired(RoomId room, Outbound current) {
        JsonObject settings = rooms.settings(room).orElse(new JsonObject());
        long maxAge = settings.getLong("rotation_period_ms", DEFAULT_ROTATION_MS);
        long maxMessages = settings.getLong("rotation_period_msgs", (long) DEFAULT_ROTATION_MESSAGES);
        return current.messageCount() >= maxMessages
                || current.createdAt().plusMillis(maxAge).isBefore(Instant.now());
    }

    /** A new session for the room; Steward keeps its inbound half, to read its own messages back. */
    private Outbound rotate(RoomId room) {
        try (GroupSession session = Vodozemac.DRIVER.getMegolm().getGroupSession().invoke()) {
            roomKeys.add(room.value(), session.getSessionId(), session.getSessionKey().getBase64(),
                    device.curve25519(), device.user().value(), device.ed25519());
            Outbound created = new Outbound(room.value(), session.getSessionId(),
                    storeKey.sealPickle(session.pickle(storeKey.pickleKey())), Instant.now(), 0, "[]");
            store.saveOutbound(created);
            return created;
        } catch (Exception e) {
            throw new IllegalStateException("starting a room session failed", e);
        }
    }

    /** Claims one-time keys for devices without a session, then sends the room key to every new device. */
    private Future<Void> share(Sharing sharing) {
        if (sharing.toShare().isEmpty()) {
            return Future.succeededFuture();
        }
        return claim(sharing.needSession())
                .compose(claimed -> crypto.run(() -> roomKeyMessages(sharing)))
                .compose(messages -> messages.isEmpty() ? Future.succeededFuture()
                        : keys.sendToDevice("m.room.encrypted", "stw-key-" + UUID.randomUUID(), messages))
                .compose(sent -> crypto.run(() -> markShared(sharing)));
    }

    private Future<Void> claim(List<Device> devices) {
        if (devices.isEmpty()) {
            return Future.succeededFuture();
        }
        JsonObject wanted = new JsonObject();
        devices.forEach(target -> wanted.put(target.userId(), wanted.getJsonObject(target.userId(), new JsonObject())
                .put(target.deviceId(), Vodozemac.SIGNED_CURVE25519)));
        return keys.claim(new JsonObject().put("one_time_keys", wanted)).compose(answer -> crypto.run(() -> {
            JsonObject claimed = answer.getJsonObject("one_time_keys", new JsonObject());
            for (Device target : devices) {
                JsonObject byKey = claimed.getJsonObject(target.userId(), new JsonObject())
                        .getJsonObject(target.deviceId(), new JsonObject());
                byKey.fieldNames().stream().findFirst().map(byKey::getJsonObject)
                        .filter(key -> DeviceTracker.signedBy(key, target.userId(), "ed25519:" + target.deviceId(),
                                target.ed25519()))
                        .ifPresentOrElse(key -> olm.startSession(target, key.getString("key")),
                                () -> log.warn("a device of {} has no signed one-time key left; it does not get the"
                                        + " room key", target.userId()));
            }
        }));
    }

    private JsonObject roomKeyMessages(Sharing sharing) {
        JsonObject roomKey = new JsonObject().put("algorithm", Vodozemac.MEGOLM).put("room_id", sharing.room().value())
                .put("session_id", sharing.sessionId()).put("session_key", sharing.sessionKey());
        JsonObject messages = new JsonObject();
        for (Device target : sharing.toShare()) {
            if (olm.hasSession(target)) {
                messages.put(target.userId(), messages.getJsonObject(target.userId(), new JsonObject())
                        .put(target.deviceId(), olm.encryptFor(target, "m.room_key", roomKey)));
            }
        }
        return messages;
    }

    private void markShared(Sharing sharing) {
        Outbound current = store.outbound(sharing.room().value()).orElseThrow();
        Set<String> shared = sharedWith(current);
        sharing.toShare().stream().filter(olm::hasSession).forEach(target -> shared.add(label(target)));
        store.saveOutbound(new Outbound(current.roomId(), current.sessionId(), current.pickle(), current.createdAt(),
                current.messageCount(), new JsonArray(new ArrayList<>(shared)).encode()));
    }

    private Outgoing encrypt(RoomId room, String type, JsonObject content) {
        Outbound current = store.outbound(room.value()).orElseThrow();
        try (GroupSession session = group(current)) {
            String plaintext = new JsonObject().put("type", type).put("content", content).put("room_id", room.value())
                    .encode();
            String ciphertext = session.encrypt(plaintext).getBase64();
            store.saveOutbound(new Outbound(current.roomId(), current.sessionId(),
                    storeKey.sealPickle(session.pickle(storeKey.pickleKey())), current.createdAt(),
                    current.messageCount() + 1, current.sharedWith()));
            JsonObject envelope = new JsonObject().put("algorithm", Vodozemac.MEGOLM)
                    .put("sender_key", device.curve25519()).put("ciphertext", ciphertext)
                    .put("session_id", current.sessionId()).put("device_id", device.deviceId());
            if (content.containsKey("m.relates_to")) {
                envelope.put("m.relates_to", content.getJsonObject("m.relates_to").copy());
            }
            return new Outgoing("m.room.encrypted", envelope);
        } catch (Exception e) {
            throw new IllegalStateException("Megolm encryption failed", e);
        }
    }

    private GroupSession group(Outbound current) {
        return Vodozemac.DRIVER.getMegolm().getGroupSession().fromPickle(storeKey.openPickle(current.pickle()),
                storeKey.pickleKey());
    }

    private static Set<String> sharedWith(Outbound current) {
        Set<String> shared = new LinkedHashSet<>();
        new JsonArray(current.sharedWith()).forEach(item -> shared.add((String) item));
        return shared;
    }

    /** A device and its identity key: a device that comes back with a new key is another device. */
    private static String label(Device device) {
        return device.label() + " " + device.curve25519();
    }
}
