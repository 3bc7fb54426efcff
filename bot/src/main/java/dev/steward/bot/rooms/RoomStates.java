package dev.steward.bot.rooms;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.PowerLevels;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * A room's whole state, read once and kept for a short while: each event needs the sender's power level, a model
 * request the room's name and members, a memory search the rooms' spaces, and reading a large room's state for
 * each would cost more than the answer. Readers arriving while a read is under way share it. The cache is bounded,
 * and a room's entry is dropped as soon as a state event of that room comes through the pipeline, so a change of
 * power levels counts from the next event on.
 */
public final class RoomStates {
    private static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private static final int ROOMS_KEPT = 10_000;

    private final MatrixClient bot;
    private final Cache<RoomId, Future<JsonArray>> cache = Caffeine.newBuilder()
            .maximumSize(ROOMS_KEPT)
            .expireAfterWrite(FRESH_FOR)
            .build();

    public RoomStates(MatrixClient bot) {
        this.bot = bot;
    }

    /** The room's state events; a failed read is not kept, so the next reader tries again. */
    public Future<JsonArray> of(RoomId room) {
        Future<JsonArray> cached = cache.getIfPresent(room);
        if (cached != null && !cached.failed()) {
            return cached;
        }
        Future<JsonArray> state = bot.state(room);
        cache.put(room, state);
        return state.onFailure(e -> cache.asMap().remove(room, state));
    }

    /** The room's power levels, from its state. */
    public Future<PowerLevels> powerLevels(RoomId room) {
        return of(room).map(PowerLevels::inState);
    }

    /** Who is in the room or invited to it. */
    public Future<Set<UserId>> members(RoomId room) {
        return of(room).map(state -> membersIn(state, Set.of("join", "invite")));
    }

    /** Who has joined the room: the people who can read what is said in it. */
    public Future<Set<UserId>> joined(RoomId room) {
        return of(room).map(state -> membersIn(state, Set.of("join")));
    }

    /** A state event of the room arrived: what is kept of it is stale. */
    public void changed(RoomId room) {
        cache.invalidate(room);
    }

    static Set<UserId> membersIn(JsonArray state, Set<String> memberships) {
        Set<UserId> members = new HashSet<>();
        for (int i = 0; i < state.size(); i++) {
            if (state.getValue(i) instanceof JsonObject event && "m.room.member".equals(event.getString("type"))
                    && event.getValue("state_key") instanceof String user) {
                String membership = event.getJsonObject("content", new JsonObject()).getString("membership", "");
                if (memberships.contains(membership)) {
                    try {
                        members.add(UserId.of(user));
                    } catch (IllegalArgumentException e) {
                        // A malformed state key is nobody Steward can talk to.
                    }
                }
            }
        }
        return Set.copyOf(members);
    }
}
