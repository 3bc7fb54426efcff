package dev.steward.bot.memory;

import dev.steward.bot.rooms.RoomStates;
import dev.steward.homeserver.id.RoomId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * The spaces a room belongs to, from its {@code m.space.parent} state (spec: "Spaces"). Steward reads the rooms it is
 * in, not the spaces (it is usually not a member of those): two rooms are of one space when both name it as parent.
 */
public final class SpaceRooms {
    private final RoomStates states;

    public SpaceRooms(RoomStates states) {
        this.states = states;
    }

    /** The spaces {@code room} names as its parents; empty when it names none or its state cannot be read. */
    public Future<Set<String>> parents(RoomId room) {
        return states.of(room).map(SpaceRooms::parentsIn).otherwise(Set.of());
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
