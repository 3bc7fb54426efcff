package dev.steward.bot.gateway;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.sensitivity.Reach;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Where the gateway finds what a room remembers that bears on a question. The memory module implements it; it decides
 * which rooms' memories the asking room may see.
 */
public interface MemoryRetrieval {
    /**
     * One memory as a model may see it: quoted data with where it came from, never instructions, and where it may go
     * (fixed when it was stored).
     */
    record Recollection(String text, String author, Instant at, String link, Reach reach) {
        Recollection withText(String newText) {
            return new Recollection(newText, author, at, link, reach);
        }
    }

    /** The most relevant memories, best first, together within {@code maxTokens} (about four characters a token). */
    Future<List<Recollection>> recall(RoomId room, UserId asker, String question, int maxTokens);

    /** For a Steward without memory: nothing is ever recalled. */
    MemoryRetrieval NONE = (room, asker, question, maxTokens) -> Future.succeededFuture(List.of());
}
