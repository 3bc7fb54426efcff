package dev.steward.memory;

import dev.steward.homeserver.id.RoomId;
import java.util.Set;

/**
 * Which memories a search may see, decided by the caller: every memory of {@code rooms}, and the memories of
 * {@code sharedFrom} that were stored for the whole space ({@link Sharing#SPACE}). The restriction is applied inside
 * the index search, so it never costs a result.
 */
public record Scope(Set<RoomId> rooms, Set<RoomId> sharedFrom) {
    public Scope {
        rooms = Set.copyOf(rooms);
        sharedFrom = Set.copyOf(sharedFrom);
    }

    /** Every memory of these rooms. */
    public static Scope rooms(Set<RoomId> rooms) {
        return new Scope(rooms, Set.of());
    }

    public static Scope room(RoomId room) {
        return rooms(Set.of(room));
    }

    public boolean isEmpty() {
        return rooms.isEmpty() && sharedFrom.isEmpty();
    }
}
