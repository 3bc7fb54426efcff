package dev.steward.bot.conversation;

import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A room's name and its members' display names, from the room state, kept for a short while: every model request
 * labels its context with them, and reading a large room's whole state for each would cost more than the answer.
 */
public final class RoomNames {
    private static final Duration FRESH_FOR = Duration.ofSeconds(30);

    /** The names of one room as read at one time. */
    public record Names(String roomName, Map<String, String> displayNames) {
        /** The member's display name, or their localpart when they have none. */
        public String nameOf(String userId) {
            String name = displayNames.get(userId);
            if (name != null && !name.isBlank()) {
                return name;
            }
            try {
                return UserId.of(userId).localpart();
            } catch (IllegalArgumentException e) {
                return userId;
            }
        }
    }

    private record Cached(Names names, long readAtNanos) {}

    private final MatrixClient bot;
    private final Map<RoomId, Cached> cache = new ConcurrentHashMap<>();

    public RoomNames(MatrixClient bot) {
        this.bot = bot;
    }

    public Future<Names> of(RoomId room) {
        Cached cached = cache.get(room);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < FRESH_FOR.toNanos()) {
            return Future.succeededFuture(cached.names());
        }
        return bot.state(room).map(RoomNames::names)
                .onSuccess(names -> cache.put(room, new Cached(names, System.nanoTime())))
                .otherwise(new Names("this room", Map.of()));
    }

    private static Names names(JsonArray state) {
        String roomName = "this room";
        Map<String, String> displayNames = new HashMap<>();
        for (int i = 0; i < state.size(); i++) {
            if (!(state.getValue(i) instanceof JsonObject event)) {
                continue;
            }
            JsonObject content = event.getJsonObject("content", new JsonObject());
            switch (event.getString("type", "")) {
                case "m.room.name" -> roomName = content.getString("name", roomName);
                case "m.room.member" -> {
                    Object name = content.getValue("displayname");
                    if (name instanceof String text && "join".equals(content.getString("membership"))) {
                        displayNames.put(event.getString("state_key", ""), text);
                    }
                }
                default -> { }
            }
        }
        return new Names(roomName, displayNames);
    }
}
