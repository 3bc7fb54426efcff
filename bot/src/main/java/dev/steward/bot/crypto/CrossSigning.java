package dev.steward.bot.crypto;

import de.connect2x.trixnity.crypto.driver.keys.Ed25519SecretKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Optional;

/**
 * Steward's cross-signing keys (spec: "Cross-signing"): the master key, which signs the self-signing and the
 * user-signing key; the self-signing key signs Steward's device, so clients show the device as verified by its
 * owner. The seeds are sealed in the crypto store and kept in secret storage under the recovery key.
 */
final class CrossSigning {
    static final String[] SECRETS = {"m.cross_signing.master", "m.cross_signing.self_signing",
            "m.cross_signing.user_signing"};
    private static final String SEALED = "cross_signing";

    private final byte[][] seeds;

    private CrossSigning(byte[][] seeds) {
        this.seeds = seeds;
    }

    static CrossSigning generate() {
        byte[][] seeds = new byte[3][];
        for (int i = 0; i < 3; i++) {
            try (Ed25519SecretKey key = Vodozemac.DRIVER.getKey().getEd25519SecretKey().invoke()) {
                seeds[i] = key.getBytes();
            } catch (Exception e) {
                throw new IllegalStateException("generating a cross-signing key failed", e);
            }
        }
        return new CrossSigning(seeds);
    }

    /** From the three seeds in unpadded base64, in the order of {@link #SECRETS}. */
    static CrossSigning fromSecrets(String[] secrets) {
        byte[][] seeds = new byte[3][];
        for (int i = 0; i < 3; i++) {
            seeds[i] = Base64.getDecoder().decode(secrets[i]);
        }
        return new CrossSigning(seeds);
    }

    static Optional<CrossSigning> stored(CryptoStore store, StoreKey key) {
        return store.secret(SEALED).map(sealed -> {
            byte[] all = key.open(sealed, SEALED);
            byte[][] seeds = new byte[3][32];
            for (int i = 0; i < 3; i++) {
                System.arraycopy(all, i * 32, seeds[i], 0, 32);
            }
            return new CrossSigning(seeds);
        });
    }

    void store(CryptoStore store, StoreKey key) {
        byte[] all = new byte[96];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(seeds[i], 0, all, i * 32, 32);
        }
        store.saveSecret(SEALED, key.seal(all, SEALED));
    }

    /** The seed of {@code SECRETS[i]}, as secret storage keeps it (unpadded base64). */
    String secret(int i) {
        return Base64.getEncoder().withoutPadding().encodeToString(seeds[i]);
    }

    String masterPublic() {
        return publicKey(0);
    }

    String selfSigningPublic() {
        return publicKey(1);
    }

    /** The body of {@code /keys/device_signing/upload}; the master key is also signed by Steward's device. */
    JsonObject uploadBody(OwnDevice device) {
        String user = device.user().value();
        JsonObject master = device.sign(key(user, "master", masterPublic()));
        JsonObject selfSigning = signWith(0, user, key(user, "self_signing", publicKey(1)));
        JsonObject userSigning = signWith(0, user, key(user, "user_signing", publicKey(2)));
        return new JsonObject().put("master_key", master).put("self_signing_key", selfSigning)
                .put("user_signing_key", userSigning);
    }

    /** The body of {@code /keys/signatures/upload} that signs Steward's device with the self-signing key. */
    JsonObject deviceSignature(OwnDevice device) {
        JsonObject keys = device.deviceKeys();
        keys.remove("signatures");
        JsonObject signed = signWith(1, device.user().value(), keys);
        return new JsonObject().put(device.user().value(), new JsonObject().put(device.deviceId(), signed));
    }

    private static JsonObject key(String user, String usage, String publicKey) {
        return new JsonObject().put("user_id", user).put("usage", new JsonArray().add(usage))
                .put("keys", new JsonObject().put("ed25519:" + publicKey, publicKey));
    }

    private JsonObject signWith(int which, String user, JsonObject object) {
        try (Ed25519SecretKey key = Vodozemac.DRIVER.getKey().getEd25519SecretKey().invoke(seeds[which].clone())) {
            String signature = key.sign(CanonicalJson.signable(object)).getBase64();
            JsonObject signatures = object.getJsonObject("signatures", new JsonObject());
            signatures.put(user, signatures.getJsonObject(user, new JsonObject())
                    .put("ed25519:" + key.getPublicKey().getBase64(), signature));
            return object.put("signatures", signatures);
        } catch (Exception e) {
            throw new IllegalStateException("cross-signing failed", e);
        }
    }

    private String publicKey(int which) {
        try (Ed25519SecretKey key = Vodozemac.DRIVER.getKey().getEd25519SecretKey().invoke(seeds[which].clone())) {
            return key.getPublicKey().getBase64();
        } catch (Exception e) {
            throw new IllegalStateException("reading a cross-signing key failed", e);
        }
    }
}
