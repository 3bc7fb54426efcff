package dev.steward.bot.memory;

import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.id.RoomId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spaces a room belongs to, from its {@code m.space.parent} state (spec: "Spaces"). Steward reads the rooms it is
 * in, not the spaces (it is usually not a member of those): two rooms are of one space when both name it as parent.
 * Kept for a minute, since every model request asks.
 */
public final class SpaceRooms {
    private static final Duration FRESH_FOR = Duration.ofSeconds(60);

    private record Cached(Set<String> spaces, long readAtNanos) {}

    private final MatrixClient bot;
    private final Map<RoomId, Cached> cache = new ConcurrentHashMap<>();

    public SpaceRooms(MatrixClient bot) {
        this.bot = bot;
    }

    /** The spaces {@code room} names as its parents; empty when it names none or its state cannot be read. */
    public Future<Set<String>> parents(RoomId room) {
        Cached cached = cache.get(room);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < FRESH_FOR.toNanos()) {
            return Future.succeededFuture(cached.spaces());
        }
        return bot.state(room).map(SpaceRooms::parentsIn)
                .onSuccess(spaces -> cache.put(room, new Cached(spaces, System.nanoTime())))
                .otherwise(Set.of());
    }

    private static Set<String> parentsIn(JsonArray state) {
        Set<String> spaces = new HashSet<>();
        for (int i = 0; i < state.size(); i++) {
            if (state.getValue(i) instanceof JsonObject event && "m.space.parent".equals(event.getString("type"))
                    && event.getValue("state_key") instanceof String space
                    // An empty content is how a parent link is removed.
                    && !event.getJsonObject("content", new JsonObject()).isEmpty()) {
                spaces.add(space);
            }
        }
        return Set.copyOf(spaces);
    }
}
