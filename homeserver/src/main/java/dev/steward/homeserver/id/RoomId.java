package dev.steward.homeserver.id;

import java.util.Optional;

/**
 * A room id: {@code !opaque:server}, or from room version 12 on {@code !opaque} with no server part.
 * The opaque part carries no meaning and is never parsed further.
 */
public record RoomId(String value) {
    public RoomId {
        MatrixIds.requireShape("room id", '!', value);
        int colon = value.indexOf(':');
        if (colon == 1 || value.length() == 1) {
            throw new IllegalArgumentException("room id has an empty opaque part: " + MatrixIds.quote(value));
        }
        if (colon > 0 && !MatrixIds.isServerName(value.substring(colon + 1))) {
            throw new IllegalArgumentException("room id has an invalid server name: " + MatrixIds.quote(value));
        }
    }

    public static RoomId of(String value) {
        return new RoomId(value);
    }

    /** The server that created the room, where the id still names one (room versions before 12). */
    public Optional<ServerName> server() {
        int colon = value.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(new ServerName(value.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return value;
    }
}
