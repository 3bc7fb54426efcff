package dev.steward.bot.crypto;

import de.connect2x.trixnity.crypto.driver.keys.Curve25519PublicKey;
import de.connect2x.trixnity.crypto.driver.olm.Account;
import de.connect2x.trixnity.crypto.driver.olm.Message;
import de.connect2x.trixnity.crypto.driver.olm.Session;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Steward's device: its Olm account (identity keys, one-time and fallback keys), the signed objects the
 * homeserver publishes for it, and the Olm sessions it starts or accepts. Every change is stored before anything
 * that depends on it leaves Steward (a one-time key is never published twice, a used one never comes back after a
 * crash). Crypto thread only.
 */
final class OwnDevice implements AutoCloseable {
    private final CryptoStore store;
    private final StoreKey key;
    private final UserId user;
    private final String deviceId;
    private final Account account;
    private boolean published;
    private final boolean created;

    private OwnDevice(CryptoStore store, StoreKey key, UserId user, String deviceId, Account account,
            boolean published, boolean created) {
        this.created = created;
        this.store = store;
        this.key = key;
        this.user = user;
        this.deviceId = deviceId;
        this.account = account;
        this.published = published;
    }

    /** The stored account, or a new one for {@code deviceId} (stored at once). */
    static OwnDevice open(CryptoStore store, StoreKey key, UserId user, String deviceId) {
        var stored = store.account();
        if (stored.isPresent()) {
            if (!stored.get().deviceId().equals(deviceId)) {
                throw new IllegalStateException("the key store belongs to device " + stored.get().deviceId()
                        + ", not encryption.device_id " + deviceId + ": keep the device id, or start from an empty"
                        + " data directory");
            }
            Account account = Vodozemac.DRIVER.getOlm().getAccount().fromPickle(key.openPickle(stored.get().pickle()),
                    key.pickleKey());
            return new OwnDevice(store, key, user, deviceId, account, stored.get().published(), false);
        }
        OwnDevice created = new OwnDevice(store, key, user, deviceId, Vodozemac.DRIVER.getOlm().getAccount().invoke(),
                false, true);
        created.save();
        return created;
    }

    /** A new account, never published: the homeserver may still hold another account's keys for this device. */
    boolean isNew() {
        return created && !published;
    }

    UserId user() {
        return user;
    }

    String deviceId() {
        return deviceId;
    }

    String curve25519() {
        return account.getCurve25519Key().getBase64();
    }

    String ed25519() {
        return account.getEd25519Key().getBase64();
    }

    /** Signs an object as this device: adds {@code signatures.<user>.ed25519:<device>}. */
    JsonObject sign(JsonObject object) {
        String signature = account.sign(CanonicalJson.signable(object)).getBase64();
        JsonObject signatures = object.getJsonObject("signatures", new JsonObject());
        signatures.put(user.value(), signatures.getJsonObject(user.value(), new JsonObject())
                .put("ed25519:" + deviceId, signature));
        return object.put("signatures", signatures);
    }

    /**
     * The body of the next {@code /keys/upload}: the device keys until they are published, enough new one-time keys
     * to bring the homeserver's {@code serverCount} to half of what the account can hold, and a fallback key when
     * the homeserver has none unused. Generated keys are stored before the body is returned.
     */
    JsonObject uploadBody(int serverCount, boolean needsFallback) {
        JsonObject body = new JsonObject();
        if (!published) {
            body.put("device_keys", deviceKeys());
        }
        int wanted = account.getMaxNumberOfOneTimeKeys() / 2 - serverCount;
        if (wanted > 0) {
            account.generateOneTimeKeys(wanted);
        }
        JsonObject oneTime = new JsonObject();
        for (Map.Entry<String, Curve25519PublicKey> entry : account.getOneTimeKeys().entrySet()) {
            oneTime.put(Vodozemac.SIGNED_CURVE25519 + ":" + entry.getKey(),
                    sign(new JsonObject().put("key", entry.getValue().getBase64())));
        }
        if (!oneTime.isEmpty()) {
            body.put("one_time_keys", oneTime);
        }
        if (needsFallback || !published) {
            account.generateFallbackKey();
        }
        var fallback = account.getFallbackKey();
        if (fallback != null && (needsFallback || !published)) {
            body.put("fallback_keys", new JsonObject().put(Vodozemac.SIGNED_CURVE25519 + ":" + fallback.getFirst(),
                    sign(new JsonObject().put("key", fallback.getSecond().getBase64()).put("fallback", true))));
        }
        save();
        return body;
    }

    /** The homeserver has the keys of the last upload body: they are not offered again. */
    void uploaded() {
        account.markKeysAsPublished();
        published = true;
        save();
    }

    JsonObject deviceKeys() {
        return sign(new JsonObject()
                .put("user_id", user.value())
                .put("device_id", deviceId)
                .put("algorithms", new JsonArray().add(Vodozemac.OLM).add(Vodozemac.MEGOLM))
                .put("keys", new JsonObject()
                        .put("curve25519:" + deviceId, curve25519())
                        .put("ed25519:" + deviceId, ed25519())));
    }

    /** A new Olm session with a device, from its identity key and a one-time key Steward claimed. */
    Session outboundSession(String theirCurve25519, String theirOneTimeKey) {
        var keys = Vodozemac.DRIVER.getKey().getCurve25519PublicKey();
        return account.createOutboundSession(keys.invoke(theirCurve25519), keys.invoke(theirOneTimeKey));
    }

    /**
     * Accepts a pre-key message from a device: a new session and the message's plaintext. The one-time key it used
     * is removed from the account, which is stored before the plaintext is acted on.
     */
    Account.InboundSessionCreationResult inboundSession(String theirCurve25519, Message.PreKey message) {
        var result = account.createInboundSession(message,
                Vodozemac.DRIVER.getKey().getCurve25519PublicKey().invoke(theirCurve25519));
        save();
        return result;
    }

    String pickle(Session session) {
        return key.sealPickle(session.pickle(key.pickleKey()));
    }

    Session session(String sealed) {
        return Vodozemac.DRIVER.getOlm().getSession().fromPickle(key.openPickle(sealed), key.pickleKey());
    }

    private void save() {
        store.saveAccount(deviceId, key.sealPickle(account.pickle(key.pickleKey())), published);
    }

    @Override
    public void close() throws Exception {
        account.close();
    }
}
