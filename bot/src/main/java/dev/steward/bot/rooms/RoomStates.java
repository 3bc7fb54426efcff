package dev.steward.bot.rooms;

import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.id.RoomId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A room's whole state, read once and kept for a short while: every model request needs the room's name, its
 * members' display names and its parent spaces, and reading a large room's state for each would cost more than
 * the answer. Readers arriving while a read is under way share it.
 */
public final class RoomStates {
    private static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private record Cached(Future<JsonArray> state, long readAtNanos) {}

    private final MatrixClient bot;
    private final Map<RoomId, Cached> cache = new ConcurrentHashMap<>();

    public RoomStates(MatrixClient bot) {
        this.bot = bot;
    }

    /** The room's state events; a failed read is not kept, so the next reader tries again. */
    public Future<JsonArray> of(RoomId room) {
        Cached cached = cache.get(room);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < FRESH_FOR.toNanos()
                && !cached.state().failed()) {
            return cached.state();
        }
        Future<JsonArray> state = bot.state(room);
        cache.put(room, new Cached(state, System.nanoTime()));
        return state.onFailure(e -> cache.remove(room));
    }
}
