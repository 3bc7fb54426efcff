package dev.steward.commands.remember;

import dev.steward.commands.Caller;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.memory.Counts;
import dev.steward.memory.Hit;
import dev.steward.memory.Memory;
import dev.steward.memory.MemorySettings;
import dev.steward.safety.sensitivity.Reach;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * A room's memory as commands use it; the bot implements it over the memory store, off the event loop. It applies
 * what commands must not decide alone: the member's policy (may their words be remembered, what happens to personal
 * data in them) and which rooms' memories a room may see. Refusals fail with
 * {@link dev.steward.commands.UserFacingException}.
 */
public interface RoomMemory {
    /** What {@code !remember} stored, and what the policy did to it on the way. */
    record Remembered(Memory memory, String piiNote) {}

    Future<Remembered> remember(Caller caller, MatrixEvent event, String text);

    /** The best matches among the memories this room may see. */
    Future<List<Hit>> recall(MatrixEvent event, String query, int count);

    /** Where a reply quoting these memories may go: local when any of them must stay local. */
    Future<Reach> reachOf(List<Memory> memories);

    /** One memory, if this room may see it. */
    Future<Optional<Memory>> find(RoomId room, long id);

    Future<List<Memory>> forget(List<Long> ids);

    Future<Counts> counts(RoomId room);

    Future<MemorySettings> settings(RoomId room);

    Future<MemorySettings> changeSettings(RoomId room, MemorySettings settings);

    /** Every memory {@code member} wrote, in every room, oldest first. */
    Future<List<Memory>> byAuthor(UserId member);

    /** Erases what {@link #byAuthor} lists; how many. */
    Future<Integer> erase(UserId member);

    /** What an export gave: how many memories, from how many rooms, and how many were left out as not visible. */
    record Exported(int memories, int rooms, int leftOut) {}

    /**
     * Sends {@code member}'s memories as a file into a direct chat with the asker: those of rooms the asker is in
     * (a private room's only when they are a member of it), never others'.
     */
    Future<Exported> export(Caller asker, MatrixEvent request, UserId member);
}
