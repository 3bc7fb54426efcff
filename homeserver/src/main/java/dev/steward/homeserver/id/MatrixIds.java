package dev.steward.homeserver.id;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The grammar shared by Matrix identifiers (spec: Appendices, "Identifier Grammar"). */
final class MatrixIds {
    /** Identifiers including sigil and server name must not exceed 255 bytes. */
    static final int MAX_BYTES = 255;

    // IPv4, a bracketed IPv6 literal, or a DNS name; then an optional port.
    private static final Pattern SERVER_NAME = Pattern.compile(
            "(?:\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]{2,45}]|[A-Za-z0-9.-]{1,255})(?::\\d{1,5})?");

    private MatrixIds() {}

    static boolean isServerName(String value) {
        return value != null && SERVER_NAME.matcher(value).matches();
    }

    /** Splits {@code <sigil><local>:<server>} and checks the common rules; returns the local part. */
    static String localPart(String kind, char sigil, String value) {
        requireShape(kind, sigil, value);
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(kind + " must look like " + sigil + "local:server, got " + quote(value));
        }
        String server = value.substring(colon + 1);
        if (!isServerName(server)) {
            throw new IllegalArgumentException(kind + " has an invalid server name: " + quote(value));
        }
        return value.substring(1, colon);
    }

    static void requireShape(String kind, char sigil, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(kind + " must not be empty");
        }
        if (value.charAt(0) != sigil) {
            throw new IllegalArgumentException(kind + " must start with '" + sigil + "', got " + quote(value));
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException(kind + " is longer than " + MAX_BYTES + " bytes");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(kind + " must not contain spaces or control characters");
            }
        }
    }

    static String quote(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return "'" + shown + "'";
    }
}
