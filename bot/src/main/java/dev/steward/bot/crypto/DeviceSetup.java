package dev.steward.bot.crypto;

import dev.steward.homeserver.client.KeysApi;
import dev.steward.homeserver.client.MatrixException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Steward's device up at start: the device itself (MSC4190), its keys published, one-time keys kept
 * stocked, and its cross-signing keys, which sign the device. The first start prints the recovery key once; a start
 * with {@code encryption.recovery_key} and an empty store restores the cross-signing keys from secret storage.
 */
final class DeviceSetup {
    private static final Logger log = LoggerFactory.getLogger(DeviceSetup.class);
    private static final String RECOVERY = "recovery_key";
    private static final String RECOVERY_SHOWN = "recovery_key_shown";
    private static final String DEFAULT_KEY = "m.secret_storage.default_key";

    private final CryptoThread crypto;
    private final KeysApi keys;
    private final CryptoStore store;
    private final StoreKey storeKey;
    private final OwnDevice device;
    private final Optional<String> recoveryKey;
    private final PrintStream console;
    private Future<Void> uploads = Future.succeededFuture();

    DeviceSetup(CryptoThread crypto, KeysApi keys, CryptoStore store, StoreKey storeKey, OwnDevice device,
            Optional<String> recoveryKey, PrintStream console) {
        this.crypto = crypto;
        this.keys = keys;
        this.store = store;
        this.storeKey = storeKey;
        this.device = device;
        this.recoveryKey = recoveryKey;
        this.console = console;
    }

    Future<Void> start(String displayName) {
        // An empty upload answers how many one-time keys the homeserver holds: topping up from an assumed zero
        // would push out keys it still hands out, whose private halves the account no longer keeps.
        // A new account replaces whatever the homeserver kept for the device (a lost data directory): its old
        // one-time keys would start sessions this account cannot read.
        Future<Void> cleared = device.isNew() ? keys.deleteDevice(device.deviceId()) : Future.succeededFuture();
        return cleared.compose(done -> keys.upsertDevice(device.deviceId(), displayName))
                .compose(created -> keys.upload(new JsonObject()))
                .compose(counts -> replenish(counts.getJsonObject("one_time_key_counts", new JsonObject())
                        .getInteger(Vodozemac.SIGNED_CURVE25519, 0), false))
                .compose(uploaded -> crossSign());
    }

    /**
     * Uploads what the homeserver lacks: new one-time keys when it holds {@code serverCount}, a fallback key when its
     * one was used. Uploads run one after the other, so a key is never offered twice at once.
     */
    synchronized Future<Void> replenish(int serverCount, boolean needsFallback) {
        // Counts come with every transaction: while an upload is under way they are stale, and topping up from them
        // would publish more keys than the account keeps.
        if (!uploads.isComplete()) {
            return uploads;
        }
        uploads = upload(serverCount, needsFallback);
        return uploads;
    }

    private Future<Void> upload(int serverCount, boolean needsFallback) {
        return crypto.run(() -> device.uploadBody(serverCount, needsFallback))
                .compose(body -> body.isEmpty() ? Future.succeededFuture()
                        : keys.upload(body).compose(answer -> crypto.run(device::uploaded)));
    }

    private Future<Void> crossSign() {
        return crypto.run(() -> CrossSigning.stored(store, storeKey))
                .compose(stored -> stored.isPresent() ? republish(stored.get())
                        : recoveryKey.isPresent() ? restore(recoveryKey.get()) : create())
                .compose(this::signDevice)
                .compose(signed -> showRecoveryKeyOnce());
    }

    /** Keys kept here but missing on the homeserver (a new homeserver database) are published again. */
    private Future<CrossSigning> republish(CrossSigning keys) {
        return serverMasterKey().compose(master -> master.equals(Optional.of(keys.masterPublic()))
                ? Future.succeededFuture(keys)
                : crypto.run(() -> keys.uploadBody(device)).compose(this.keys::uploadCrossSigningKeys).map(keys));
    }

    private Future<CrossSigning> create() {
        byte[] recovery = RecoveryKey.generate();
        return crypto.run(() -> {
            CrossSigning generated = CrossSigning.generate();
            generated.store(store, storeKey);
            store.saveSecret(RECOVERY, storeKey.seal(RecoveryKey.encode(recovery).getBytes(StandardCharsets.UTF_8),
                    RECOVERY));
            return generated;
        }).compose(generated -> crypto.run(() -> generated.uploadBody(device))
                .compose(keys::uploadCrossSigningKeys)
                .compose(uploaded -> keepInSecretStorage(generated, recovery))
                .map(generated)
                .onSuccess(done -> log.info("created Steward's cross-signing keys; its device is signed by them")));
    }

    private Future<Void> keepInSecretStorage(CrossSigning generated, byte[] recovery) {
        String keyId = UUID.randomUUID().toString().replace("-", "");
        Future<Void> stored = keys.putAccountData(device.user(), "m.secret_storage.key." + keyId,
                SecretStorage.describe(recovery, "Steward's recovery key"));
        for (int i = 0; i < CrossSigning.SECRETS.length; i++) {
            String name = CrossSigning.SECRETS[i];
            JsonObject content = new JsonObject().put("encrypted", new JsonObject()
                    .put(keyId, SecretStorage.encrypt(recovery, name, generated.secret(i))));
            stored = stored.compose(done -> keys.putAccountData(device.user(), name, content));
        }
        return stored.compose(done -> keys.putAccountData(device.user(), DEFAULT_KEY,
                new JsonObject().put("key", keyId)));
    }

    private Future<CrossSigning> restore(String recoveryText) {
        byte[] recovery;
        try {
            recovery = RecoveryKey.decode(recoveryText);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new IllegalStateException("encryption.recovery_key: " + e.getMessage()));
        }
        return keys.accountData(device.user(), DEFAULT_KEY).map(content -> content.getString("key"))
                .compose(keyId -> keys.accountData(device.user(), "m.secret_storage.key." + keyId)
                        .compose(description -> SecretStorage.matches(recovery, description)
                                ? readSecrets(recovery, keyId)
                                : Future.failedFuture(new IllegalStateException("encryption.recovery_key is not the"
                                        + " recovery key of Steward's secret storage"))))
                .compose(restored -> serverMasterKey().compose(master -> master.equals(
                        Optional.of(restored.masterPublic())) ? crypto.run(() -> {
                            restored.store(store, storeKey);
                            store.saveSecret(RECOVERY_SHOWN, storeKey.seal(new byte[] {1}, RECOVERY_SHOWN));
                            return restored;
                        }) : Future.failedFuture(new IllegalStateException("the recovered master key is not the one"
                                + " the homeserver publishes for Steward"))))
                .onSuccess(done -> log.info("restored Steward's cross-signing keys with the recovery key"));
    }

    private Future<CrossSigning> readSecrets(byte[] recovery, String keyId) {
        String[] secrets = new String[CrossSigning.SECRETS.length];
        Future<Void> read = Future.succeededFuture();
        for (int i = 0; i < secrets.length; i++) {
            int index = i;
            String name = CrossSigning.SECRETS[i];
            read = read.compose(done -> keys.accountData(device.user(), name).map(content -> {
                secrets[index] = SecretStorage.decrypt(recovery, name,
                        content.getJsonObject("encrypted", new JsonObject()).getJsonObject(keyId, new JsonObject()));
                return null;
            }));
        }
        return read.map(done -> CrossSigning.fromSecrets(secrets));
    }

    private Future<Void> signDevice(CrossSigning keys) {
        return crypto.run(() -> keys.deviceSignature(device)).compose(this.keys::uploadSignatures)
                .compose(answer -> {
                    JsonObject failures = answer.getJsonObject("failures", new JsonObject());
                    return failures.isEmpty() ? Future.succeededFuture()
                            : Future.failedFuture(new IllegalStateException("the homeserver refused the signature of"
                                    + " Steward's device: " + failures.encode()));
                });
    }

    private Future<Optional<String>> serverMasterKey() {
        String user = device.user().value();
        return keys.query(new JsonObject().put("device_keys", new JsonObject().put(user, new JsonArray())))
                .map(answer -> answer.getJsonObject("master_keys", new JsonObject())
                        .getJsonObject(user, new JsonObject()).getJsonObject("keys", new JsonObject())
                        .fieldNames().stream().findFirst().map(id -> id.substring(id.indexOf(':') + 1)))
                .recover(e -> e instanceof MatrixException ? Future.succeededFuture(Optional.empty())
                        : Future.failedFuture(e));
    }

    /**
     * Prints the recovery key on the console, not in the log, until a start has shown it; the operator keeps it to
     * restore Steward's identity if its data is lost.
     */
    private Future<Void> showRecoveryKeyOnce() {
        return crypto.run(() -> {
            if (store.secret(RECOVERY_SHOWN).isPresent()) {
                return null;
            }
            store.secret(RECOVERY).ifPresent(sealed -> console.println(CryptoStrings.recoveryKeyBanner(
                    new String(storeKey.open(sealed, RECOVERY), StandardCharsets.UTF_8))));
            store.saveSecret(RECOVERY_SHOWN, storeKey.seal(new byte[] {1}, RECOVERY_SHOWN));
            return null;
        });
    }
}
