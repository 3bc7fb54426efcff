package dev.steward.memory;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * One stored memory. {@code id} is given by the database; {@code sourceEvent} is the Matrix event the text came from
 * (the {@code !remember} command, the captured message or Steward's answer), so a redaction of that event forgets it
 * and a reply can link to it ({@link MatrixToLink}). The text is data: nothing in this module interprets it.
 *
 * <p>The store builds memories from what it stored; what callers give is checked as a {@link NewMemory}.
 */
public record Memory(long id, RoomId room, UserId author, Optional<EventId> sourceEvent, Instant createdAt,
        String text, MemoryKind kind, Sharing sharing) {}
