package dev.steward.bot.crypto;

import de.connect2x.trixnity.crypto.driver.olm.Message;
import de.connect2x.trixnity.crypto.driver.olm.Session;
import dev.steward.bot.crypto.DeviceStore.Device;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Olm between Steward's device and one other device (spec: "m.olm.v1.curve25519-aes-sha2"): to-device messages
 * decrypted with a stored session or a new one from a pre-key message, and checked (for Steward's device, from the
 * device whose identity key sent it, which the user's signed device list confirms); payloads encrypted for a
 * device. Sessions are stored after every message, as their ratchets move.
 */
final class OlmChannel {
    private static final Logger log = LoggerFactory.getLogger(OlmChannel.class);

    /** A decrypted to-device payload and the checked sender: user, Curve25519 identity key, Ed25519 key. */
    record Payload(JsonObject json, String sender, String senderKey, String senderEd25519) {}

    private final CryptoThread crypto;
    private final CryptoStore store;
    private final OwnDevice device;
    private final DeviceTracker tracker;

    OlmChannel(CryptoThread crypto, CryptoStore store, OwnDevice device, DeviceTracker tracker) {
        this.crypto = crypto;
        this.store = store;
        this.device = device;
        this.tracker = tracker;
    }

    UserId user() {
        return device.user();
    }

    String deviceId() {
        return device.deviceId();
    }

    /** The payload of an encrypted to-device message, or empty when it is not for Steward or does not check out. */
    Future<Optional<Payload>> decrypt(JsonObject message) {
        JsonObject content = message.getJsonObject("content", new JsonObject());
        String sender = message.getString("sender", "");
        String senderKey = content.getString("sender_key", "");
        if (!Vodozemac.OLM.equals(content.getString("algorithm"))) {
            return Future.succeededFuture(Optional.empty());
        }
        return crypto.run(() -> decryptOnCryptoThread(content, senderKey))
                .compose(plain -> plain.map(text -> checked(new JsonObject(text), sender, senderKey))
                        .orElseGet(() -> Future.succeededFuture(Optional.empty())));
    }

    private Optional<String> decryptOnCryptoThread(JsonObject content, String senderKey) {
        JsonObject ciphertext = content.getJsonObject("ciphertext", new JsonObject()).getJsonObject(device.curve25519());
        if (ciphertext == null) {
            return Optional.empty();
        }
        int type = ciphertext.getInteger("type", -1);
        String body = ciphertext.getString("body", "");
        var messages = Vodozemac.DRIVER.getOlm().getMessage();
        for (CryptoStore.StoredOlmSession stored : store.olmSessions(senderKey)) {
            try (Session session = device.session(stored.pickle())) {
                Message message = type == 0 ? messages.getPreKey().invoke(body) : messages.getNormal().invoke(body);
                String plain = session.decrypt(message);
                store.saveOlmSession(session.getSessionId(), senderKey, device.pickle(session));
                return Optional.of(plain);
            } catch (Exception e) {
                // Not this session's message: try the next one.
            }
        }
        if (type != 0) {
            log.warn("an Olm message matched none of the sessions with its sender; it is dropped");
            return Optional.empty();
        }
        var result = device.inboundSession(senderKey, messages.getPreKey().invoke(body));
        try (Session session = result.getSession()) {
            store.saveOlmSession(session.getSessionId(), senderKey, device.pickle(session));
        } catch (Exception e) {
            throw new IllegalStateException("storing a new Olm session failed", e);
        }
        return Optional.of(result.getPlaintext());
    }

    /** The spec's checks on a decrypted payload, and the sender's device confirmed by their signed device list. */
    private Future<Optional<Payload>> checked(JsonObject payload, String sender, String senderKey) {
        String claimedEd25519 = payload.getJsonObject("keys", new JsonObject()).getString("ed25519", "");
        boolean forUs = device.user().value().equals(payload.getString("recipient"))
                && device.ed25519().equals(payload.getJsonObject("recipient_keys", new JsonObject())
                        .getString("ed25519"))
                && sender.equals(payload.getString("sender"));
        if (!forUs) {
            log.warn("dropped an Olm payload whose sender or recipient does not match its envelope");
            return Future.succeededFuture(Optional.empty());
        }
        return tracker.byIdentityKey(sender, senderKey).map(known -> {
            if (known.isEmpty() || !known.get().userId().equals(sender) || !known.get().ed25519().equals(claimedEd25519)) {
                log.warn("dropped an Olm payload from a device its user's signed device list does not have");
                return Optional.empty();
            }
            return Optional.of(new Payload(payload, sender, senderKey, claimedEd25519));
        });
    }

    /** Whether Steward has an Olm session with this device (crypto thread). */
    boolean hasSession(Device to) {
        return !store.olmSessions(to.curve25519()).isEmpty();
    }

    /** Starts a session with a device from a one-time key Steward claimed and checked (crypto thread). */
    void startSession(Device to, String oneTimeKey) {
        try (Session session = device.outboundSession(to.curve25519(), oneTimeKey)) {
            store.saveOlmSession(session.getSessionId(), to.curve25519(), device.pickle(session));
        } catch (Exception e) {
            throw new IllegalStateException("starting an Olm session failed", e);
        }
    }

    /** The to-device content carrying {@code type} and {@code content} encrypted for one device (crypto thread). */
    JsonObject encryptFor(Device to, String type, JsonObject content) {
        CryptoStore.StoredOlmSession stored = store.olmSessions(to.curve25519()).get(0);
        JsonObject payload = new JsonObject()
                .put("type", type).put("content", content)
                .put("sender", device.user().value()).put("sender_device", device.deviceId())
                .put("keys", new JsonObject().put("ed25519", device.ed25519()))
                .put("recipient", to.userId())
                .put("recipient_keys", new JsonObject().put("ed25519", to.ed25519()));
        try (Session session = device.session(stored.pickle())) {
            Message message = session.encrypt(payload.encode());
            store.saveOlmSession(session.getSessionId(), to.curve25519(), device.pickle(session));
            return new JsonObject().put("algorithm", Vodozemac.OLM).put("sender_key", device.curve25519())
                    .put("ciphertext", new JsonObject().put(to.curve25519(), new JsonObject()
                            .put("type", message instanceof Message.PreKey ? 0 : 1).put("body", message.getBase64())));
        } catch (Exception e) {
            throw new IllegalStateException("Olm encryption failed", e);
        }
    }
}
