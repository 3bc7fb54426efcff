package dev.steward.bot.crypto;

import dev.steward.bot.crypto.DeviceStore.Device;
import dev.steward.homeserver.client.KeysApi;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Other users' devices, as {@code /keys/query} returns them: kept once their self-signature verifies, marked
 * cross-signed when the user's self-signing key (signed by their master key) signs them, and queried again when
 * the homeserver says a user's device list changed (MSC3202 {@code device_lists.changed}).
 */
final class DeviceTracker {
    private static final Logger log = LoggerFactory.getLogger(DeviceTracker.class);

    private final CryptoThread crypto;
    private final KeysApi keys;
    private final DeviceStore devices;
    // Up-to-date device lists, so that a message to a room of known members needs no turn of the crypto thread.
    private final Map<String, List<Device>> known = new java.util.concurrent.ConcurrentHashMap<>();

    DeviceTracker(CryptoThread crypto, KeysApi keys, DeviceStore devices) {
        this.crypto = crypto;
        this.keys = keys;
        this.devices = devices;
    }

    /** The devices of these users, querying those whose lists are unknown or changed. */
    Future<Map<String, List<Device>>> devicesOf(Collection<String> users) {
        if (known.keySet().containsAll(users)) {
            Map<String, List<Device>> all = new LinkedHashMap<>();
            users.forEach(user -> all.put(user, known.get(user)));
            if (!all.containsValue(null)) {
                return Future.succeededFuture(all);
            }
        }
        return crypto.run(() -> users.stream().filter(user -> !devices.isUpToDate(user)).toList())
                .compose(this::query)
                .compose(queried -> crypto.run(() -> {
                    Map<String, List<Device>> all = new LinkedHashMap<>();
                    users.forEach(user -> {
                        List<Device> list = devices.devices(user);
                        all.put(user, list);
                        if (devices.isUpToDate(user)) {
                            known.put(user, list);
                        }
                    });
                    return all;
                }));
    }

    /** The device with this identity key, asking the homeserver for the user's devices when it is not known. */
    Future<Optional<Device>> byIdentityKey(String user, String curve25519) {
        return crypto.run(() -> devices.byCurveKey(curve25519))
                .compose(known -> known.isPresent() ? Future.succeededFuture(known)
                        : query(List.of(user)).compose(done -> crypto.run(() -> devices.byCurveKey(curve25519))));
    }

    Future<Void> changed(Set<String> users) {
        users.forEach(known::remove);
        return users.isEmpty() ? Future.succeededFuture() : crypto.run(() -> {
            devices.markOutdated(users);
            users.forEach(known::remove);
        });
    }

    private Future<Void> query(List<String> users) {
        if (users.isEmpty()) {
            return Future.succeededFuture();
        }
        JsonObject wanted = new JsonObject();
        users.forEach(user -> wanted.put(user, new JsonArray()));
        return keys.query(new JsonObject().put("device_keys", wanted))
                .compose(answer -> crypto.run(() -> {
                    for (String user : users) {
                        devices.replaceDevices(user, read(user, answer));
                        known.remove(user);
                    }
                }));
    }

    /** The verified devices of {@code user} in a query answer; a device whose keys changed keeps its old keys. */
    private List<Device> read(String user, JsonObject answer) {
        JsonObject byDevice = answer.getJsonObject("device_keys", new JsonObject()).getJsonObject(user,
                new JsonObject());
        Optional<String> selfSigning = selfSigningKey(user, answer);
        Map<String, Device> known = new LinkedHashMap<>();
        devices.devices(user).forEach(device -> known.put(device.deviceId(), device));
        List<Device> verified = new ArrayList<>();
        for (String deviceId : byDevice.fieldNames()) {
            JsonObject keysObject = byDevice.getJsonObject(deviceId);
            Optional<Device> device = verifiedDevice(user, deviceId, keysObject, selfSigning);
            Device before = known.get(deviceId);
            if (device.isEmpty()) {
                log.warn("ignored a device of {} whose keys are not signed by itself", user);
            } else if (before != null && !before.ed25519().equals(device.get().ed25519())) {
                log.warn("a device of {} came back with other keys; its first keys are kept", user);
                verified.add(before);
            } else {
                verified.add(device.get());
            }
        }
        return verified;
    }

    private static Optional<Device> verifiedDevice(String user, String deviceId, JsonObject keysObject,
            Optional<String> selfSigning) {
        JsonObject ids = keysObject.getJsonObject("keys", new JsonObject());
        String ed25519 = ids.getString("ed25519:" + deviceId);
        String curve25519 = ids.getString("curve25519:" + deviceId);
        if (ed25519 == null || curve25519 == null || !user.equals(keysObject.getString("user_id"))
                || !deviceId.equals(keysObject.getString("device_id"))
                || !signedBy(keysObject, user, "ed25519:" + deviceId, ed25519)) {
            return Optional.empty();
        }
        boolean crossSigned = selfSigning.map(key -> signedBy(keysObject, user, "ed25519:" + key, key)).orElse(false);
        return Optional.of(new Device(user, deviceId, curve25519, ed25519, crossSigned));
    }

    /** The user's self-signing key, when their master key signs it. */
    private static Optional<String> selfSigningKey(String user, JsonObject answer) {
        Optional<String> master = onlyKey(answer.getJsonObject("master_keys", new JsonObject()).getJsonObject(user));
        JsonObject selfSigning = answer.getJsonObject("self_signing_keys", new JsonObject()).getJsonObject(user);
        Optional<String> key = onlyKey(selfSigning);
        if (master.isEmpty() || key.isEmpty() || !signedBy(selfSigning, user, "ed25519:" + master.get(), master.get())) {
            return Optional.empty();
        }
        return key;
    }

    private static Optional<String> onlyKey(JsonObject crossSigningKey) {
        if (crossSigningKey == null) {
            return Optional.empty();
        }
        return crossSigningKey.getJsonObject("keys", new JsonObject()).fieldNames().stream().findFirst()
                .map(id -> id.substring(id.indexOf(':') + 1));
    }

    static boolean signedBy(JsonObject object, String user, String keyId, String publicKey) {
        String signature = object.getJsonObject("signatures", new JsonObject()).getJsonObject(user, new JsonObject())
                .getString(keyId);
        return signature != null && Vodozemac.verifies(publicKey, CanonicalJson.signable(object), signature);
    }
}
