package dev.steward.memory;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A memory to store; the store gives it an id and the time.
 *
 * @param localOnly whether it may only ever be given to local models (the caller judges it; this module only keeps it)
 */
public record NewMemory(RoomId room, UserId author, Optional<EventId> sourceEvent, String text, MemoryKind kind,
        Sharing sharing, boolean localOnly) {
    /**
     * Longest text kept, in characters. A Matrix event is at most 64 KiB, so a longer text did not come from one;
     * the embedding model reads only the first few hundred words anyway.
     */
    public static final int MAX_TEXT_LENGTH = 65_536;

    public NewMemory {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(sourceEvent, "sourceEvent");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sharing, "sharing");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a memory needs some text");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("a memory is at most " + MAX_TEXT_LENGTH + " characters");
        }
    }

    /** A memory of this room only, from the event that asked for it. */
    public static NewMemory of(RoomId room, UserId author, EventId sourceEvent, String text, MemoryKind kind) {
        return new NewMemory(room, author, Optional.of(sourceEvent), text, kind, Sharing.ROOM, false);
    }

    public NewMemory sharedWithSpace() {
        return new NewMemory(room, author, sourceEvent, text, kind, Sharing.SPACE, localOnly);
    }

    /** The same memory, to be given to local models only. */
    public NewMemory keptLocal() {
        return new NewMemory(room, author, sourceEvent, text, kind, sharing, true);
    }
}
