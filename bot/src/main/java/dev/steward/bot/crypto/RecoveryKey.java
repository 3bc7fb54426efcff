package dev.steward.bot.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The recovery key in the form Element shows and reads (spec: "Secret storage", "Key representation"): the bytes
 * 0x8B 0x01, the 32-byte key and a parity byte (all bytes XORed), in base58, in groups of four characters.
 */
final class RecoveryKey {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryKey() {}

    static byte[] generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    static String encode(byte[] key) {
        byte[] bytes = new byte[key.length + 3];
        bytes[0] = (byte) 0x8B;
        bytes[1] = 0x01;
        System.arraycopy(key, 0, bytes, 2, key.length);
        byte parity = 0;
        for (int i = 0; i < bytes.length - 1; i++) {
            parity ^= bytes[i];
        }
        bytes[bytes.length - 1] = parity;
        String base58 = base58(bytes);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < base58.length(); i += 4) {
            grouped.append(i == 0 ? "" : " ").append(base58, i, Math.min(base58.length(), i + 4));
        }
        return grouped.toString();
    }

    /** @throws IllegalArgumentException when the text is not a recovery key (a typo breaks the parity) */
    static byte[] decode(String text) {
        byte[] bytes = unbase58(text.replaceAll("\\s+", ""));
        if (bytes.length != 35 || bytes[0] != (byte) 0x8B || bytes[1] != 0x01) {
            throw new IllegalArgumentException("this is not a recovery key");
        }
        byte parity = 0;
        for (byte b : bytes) {
            parity ^= b;
        }
        if (parity != 0) {
            throw new IllegalArgumentException("the recovery key has a typo (its check digit does not match)");
        }
        byte[] key = new byte[32];
        System.arraycopy(bytes, 2, key, 0, 32);
        return key;
    }

    private static String base58(byte[] bytes) {
        BigInteger value = new BigInteger(1, bytes);
        StringBuilder text = new StringBuilder();
        BigInteger base = BigInteger.valueOf(58);
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(base);
            text.append(ALPHABET.charAt(division[1].intValue()));
            value = division[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            text.append('1');
        }
        return text.reverse().toString();
    }

    private static byte[] unbase58(String text) {
        BigInteger value = BigInteger.ZERO;
        for (char c : text.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new IllegalArgumentException("this is not a recovery key");
            }
            value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
        }
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }
}
