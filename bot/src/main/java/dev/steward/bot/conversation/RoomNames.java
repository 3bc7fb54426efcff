package dev.steward.bot.conversation;

import dev.steward.bot.rooms.RoomStates;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/** A room's name and its members' display names, from its (cached) state: model requests label their context. */
public final class RoomNames {
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

    private final RoomStates states;

    public RoomNames(RoomStates states) {
        this.states = states;
    }

    public Future<Names> of(RoomId room) {
        return states.of(room).map(RoomNames::names).otherwise(new Names("this room", Map.of()));
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
