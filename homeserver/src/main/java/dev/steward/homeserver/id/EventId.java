package dev.steward.homeserver.id;

/**
 * An event id: {@code $opaque} (room versions 3 and later, a hash) or {@code $opaque:server} (versions 1 and 2).
 */
public record EventId(String value) {
    public EventId {
        MatrixIds.requireShape("event id", '$', value);
        if (value.length() == 1 || value.charAt(1) == ':') {
            throw new IllegalArgumentException("event id has an empty opaque part: " + MatrixIds.quote(value));
        }
        int colon = value.indexOf(':');
        if (colon > 0 && !MatrixIds.isServerName(value.substring(colon + 1))) {
            throw new IllegalArgumentException("event id has an invalid server name: " + MatrixIds.quote(value));
        }
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
