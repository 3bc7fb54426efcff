package dev.steward.memory;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.ServerName;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * matrix.to permalinks to the event a memory came from. The spec (appendices, "matrix.to navigation") has the
 * identifier and the event id percent-encoded as per RFC 3986, and its examples keep the room's {@code !}:
 * {@code https://matrix.to/#/!somewhere%3Aexample.org/%24event%3Aexample.org}. Event ids of room version 3 may hold
 * {@code /} and {@code +}, which are encoded too, so a client never splits the id.
 */
public final class MatrixToLink {
    private static final String BASE = "https://matrix.to/#/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private MatrixToLink() {}

    public static String of(RoomId room, EventId event) {
        return BASE + encode(room.value()) + "/" + encode(event.value());
    }

    /**
     * With {@code via} servers, which the spec asks for on room-id links: a room id alone does not say which server
     * can join a person to the room (and from room version 12 it names no server at all).
     */
    public static String of(RoomId room, EventId event, List<ServerName> via) {
        StringBuilder link = new StringBuilder(of(room, event));
        for (int i = 0; i < via.size(); i++) {
            link.append(i == 0 ? '?' : '&').append("via=").append(encode(via.get(i).value()));
        }
        return link.toString();
    }

    // RFC 3986 unreserved characters stay, and '!' (a sub-delimiter the spec's examples leave as is); every other
    // byte of the UTF-8 form is percent-encoded.
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c) || c == '!') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
