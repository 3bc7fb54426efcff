package dev.steward.bot.crypto;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secret storage's {@code m.secret_storage.v1.aes-hmac-sha2} (spec: "Secret storage"): secrets kept in account data,
 * encrypted with keys derived from the recovery key (HKDF-SHA-256 with the secret's name, AES-256-CTR, HMAC-SHA-256).
 * Element and the other clients read the same format, so the cross-signing keys Steward keeps there can be restored
 * by anything that has the recovery key.
 */
final class SecretStorage {
    static final String ALGORITHM = "m.secret_storage.v1.aes-hmac-sha2";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretStorage() {}

    /** {@code {iv, ciphertext, mac}} of a secret under {@code key} for {@code name}. */
    static JsonObject encrypt(byte[] key, String name, String secret) {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        iv[8] &= 0x7f;
        byte[][] keys = derive(key, name);
        byte[] ciphertext = ctr(keys[0], iv, secret.getBytes(StandardCharsets.UTF_8));
        return new JsonObject().put("iv", b64(iv)).put("ciphertext", b64(ciphertext))
                .put("mac", b64(hmac(keys[1], ciphertext)));
    }

    /** @throws IllegalArgumentException when the MAC does not match (another key, or damaged data) */
    static String decrypt(byte[] key, String name, JsonObject encrypted) {
        byte[][] keys = derive(key, name);
        byte[] ciphertext = unb64(encrypted.getString("ciphertext", ""));
        if (!MessageDigest.isEqual(hmac(keys[1], ciphertext), unb64(encrypted.getString("mac", "")))) {
            throw new IllegalArgumentException("the recovery key does not open " + name);
        }
        return new String(ctr(keys[0], unb64(encrypted.getString("iv", "")), ciphertext), StandardCharsets.UTF_8);
    }

    /** The key's description in account data: its {@code iv} and {@code mac} prove a key is the right one. */
    static JsonObject describe(byte[] key, String keyName) {
        JsonObject check = encrypt(key, "", new String(new byte[32], StandardCharsets.UTF_8));
        return new JsonObject().put("algorithm", ALGORITHM).put("name", keyName).put("iv", check.getString("iv"))
                .put("mac", check.getString("mac"));
    }

    static boolean matches(byte[] key, JsonObject description) {
        byte[][] keys = derive(key, "");
        byte[] ciphertext = ctr(keys[0], unb64(description.getString("iv", "")), new byte[32]);
        return MessageDigest.isEqual(hmac(keys[1], ciphertext), unb64(description.getString("mac", "")));
    }

    /** HKDF-SHA-256 (RFC 5869) with a zero salt: 32 bytes for AES, 32 for the MAC. */
    private static byte[][] derive(byte[] key, String name) {
        byte[] prk = hmac(new byte[32], key);
        byte[] info = name.getBytes(StandardCharsets.UTF_8);
        byte[] first = hmac(prk, concat(info, new byte[] {1}));
        byte[] second = hmac(prk, concat(first, info, new byte[] {2}));
        return new byte[][] {first, second};
    }

    private static byte[] ctr(byte[] key, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        byte[] joined = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(String text) {
        String padded = text + "===".substring(0, (4 - text.length() % 4) % 4);
        return Base64.getDecoder().decode(padded);
    }
}
