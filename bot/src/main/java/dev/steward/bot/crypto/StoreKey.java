package dev.steward.bot.crypto;

import de.connect2x.trixnity.crypto.driver.keys.PickleKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key the crypto store is encrypted with at rest, derived from {@code encryption.store_key}. Everything secret
 * Steward keeps (vodozemac's pickles of its account and sessions, the cross-signing seeds, the recovery key) is
 * sealed with AES-256-GCM under a derived key, bound to what it is. The driver's own pickle key is passed too, but
 * Trixnity 5.0.1's vodozemac driver writes pickles as plain JSON whatever key it is given (a test shows it), so the
 * seal is what protects them. Without the store key the tables hold nothing readable.
 */
final class StoreKey {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private final byte[] pickleKey;
    private final SecretKeySpec sealKey;

    StoreKey(String secret) {
        byte[] master = secret.getBytes(StandardCharsets.UTF_8);
        this.pickleKey = hmac(master, "steward e2ee pickle key");
        this.sealKey = new SecretKeySpec(hmac(master, "steward e2ee seal key"), "AES");
    }

    /** A fresh vodozemac pickle key: each object must get its own, as the driver takes ownership of it. */
    PickleKey pickleKey() {
        return Vodozemac.DRIVER.getKey().getPickleKey().invoke(pickleKey.clone());
    }

    private static final String PICKLE = "vodozemac pickle";

    /** A vodozemac pickle, sealed for the store. */
    String sealPickle(String pickle) {
        return seal(pickle.getBytes(StandardCharsets.UTF_8), PICKLE);
    }

    /** A stored pickle, opened for vodozemac. */
    String openPickle(String sealed) {
        return new String(open(sealed, PICKLE), StandardCharsets.UTF_8);
    }

    String seal(byte[] plain, String purpose) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, iv));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed under another store key (or for another purpose) */
    byte[] open(String sealed, String purpose) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, bytes, 0, IV_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored key cannot be opened: is encryption.store_key the one it was"
                    + " stored with?", e);
        }
    }

    static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
