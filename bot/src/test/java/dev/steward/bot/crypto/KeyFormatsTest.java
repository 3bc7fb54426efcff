package dev.steward.bot.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The formats Steward's keys are kept and shown in: the recovery key, secret storage, the sealed store, signatures. */
class KeyFormatsTest {
    @Test
    void aRecoveryKeyReadsBackAndATypoIsCaught() {
        byte[] key = RecoveryKey.generate();
        String shown = RecoveryKey.encode(key);

        assertThat(shown).startsWith("Es").matches("([1-9A-HJ-NP-Za-km-z]{4} )+[1-9A-HJ-NP-Za-km-z]{1,4}");
        assertThat(RecoveryKey.decode(shown)).isEqualTo(key);
        assertThat(RecoveryKey.decode(shown.replace(" ", ""))).isEqualTo(key);
        char last = shown.charAt(shown.length() - 1);
        String typo = shown.substring(0, shown.length() - 1) + (last == 'a' ? 'b' : 'a');
        assertThatThrownBy(() -> RecoveryKey.decode(typo)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecoveryKey.decode("not a key at all")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretStorageOpensOnlyWithItsKey() {
        byte[] key = RecoveryKey.generate();
        JsonObject encrypted = SecretStorage.encrypt(key, "m.cross_signing.master", "c2VlZA");

        assertThat(SecretStorage.decrypt(key, "m.cross_signing.master", encrypted)).isEqualTo("c2VlZA");
        assertThat(SecretStorage.matches(key, SecretStorage.describe(key, "Steward"))).isTrue();
        byte[] other = RecoveryKey.generate();
        assertThat(SecretStorage.matches(other, SecretStorage.describe(key, "Steward"))).isFalse();
        assertThatThrownBy(() -> SecretStorage.decrypt(other, "m.cross_signing.master", encrypted))
                .isInstanceOf(IllegalArgumentException.class);
        // The secret's name is bound in: a secret cannot be passed off as another.
        assertThatThrownBy(() -> SecretStorage.decrypt(key, "m.cross_signing.self_signing", encrypted))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sealedValuesOpenOnlyWithTheSameStoreKeyAndPurpose() {
        StoreKey key = new StoreKey("a store key of enough length");
        String sealed = key.seal("seeds".getBytes(StandardCharsets.UTF_8), "cross_signing");

        assertThat(new String(key.open(sealed, "cross_signing"), StandardCharsets.UTF_8)).isEqualTo("seeds");
        assertThat(sealed).doesNotContain("seeds");
        assertThatThrownBy(() -> new StoreKey("another store key, as long").open(sealed, "cross_signing"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("encryption.store_key");
        assertThatThrownBy(() -> key.open(sealed, "recovery_key")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void canonicalJsonSortsKeysAndLeavesSignaturesOut() {
        JsonObject object = new JsonObject().put("b", 1).put("a", new JsonObject().put("z", "é").put("y", true))
                .put("list", new JsonArray().add(new JsonObject().put("d", 2).put("c", 1)))
                .put("signatures", new JsonObject().put("@s:x", "sig")).put("unsigned", new JsonObject());

        assertThat(CanonicalJson.signable(object)).isEqualTo("{\"a\":{\"y\":true,\"z\":\"é\"},\"b\":1,"
                + "\"list\":[{\"c\":1,\"d\":2}]}");
        assertThat(object.containsKey("signatures")).isTrue();
    }

    @Test
    void aDeviceSignatureVerifiesAndAChangedObjectDoesNot() {
        try (var account = Vodozemac.DRIVER.getOlm().getAccount().invoke()) {
            JsonObject keys = new JsonObject().put("user_id", "@steward:localhost").put("device_id", "STEWARD");
            String signature = account.sign(CanonicalJson.signable(keys)).getBase64();
            keys.put("signatures", new JsonObject().put("@steward:localhost",
                    new JsonObject().put("ed25519:STEWARD", signature)));
            String ed25519 = account.getEd25519Key().getBase64();

            assertThat(DeviceTracker.signedBy(keys, "@steward:localhost", "ed25519:STEWARD", ed25519)).isTrue();
            assertThat(DeviceTracker.signedBy(keys.copy().put("device_id", "FORGED"), "@steward:localhost",
                    "ed25519:STEWARD", ed25519)).isFalse();
            assertThat(DeviceTracker.signedBy(keys, "@mallory:localhost", "ed25519:STEWARD", ed25519)).isFalse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
