package dev.steward.homeserver.client;

import dev.steward.homeserver.id.EventId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Transaction ids for sends, derived from the event that caused the send and its purpose: a retry, or the same
 * event handled again after a crash, reuses the id, and the homeserver then returns the first send's event instead
 * of posting twice.
 */
public final class TxnIds {
    private TxnIds() {}

    public static String derive(EventId source, String purpose) {
        return derive(source.value() + "\n" + purpose);
    }

    public static String derive(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "stw" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
