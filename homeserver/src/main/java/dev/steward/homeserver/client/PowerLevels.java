package dev.steward.homeserver.client;

import dev.steward.homeserver.id.UserId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * A room's {@code m.room.power_levels} content, read with the spec's defaults, and the room's creators where the room
 * version gives them unlimited power (room version 12: they are not listed in {@code users}).
 */
public record PowerLevels(JsonObject content, Set<String> creators) {
    /** The level room version 12 gives its creators: above every number a power level event can hold. */
    public static final int CREATOR = Integer.MAX_VALUE;

    public PowerLevels(JsonObject content) {
        this(content, Set.of());
    }

    public PowerLevels {
        creators = Set.copyOf(creators);
    }

    /** The power levels in a room's whole state ({@code GET /rooms/{room}/state}). */
    public static PowerLevels inState(JsonArray state) {
        JsonObject content = new JsonObject();
        Set<String> creators = Set.of();
        for (int i = 0; i < state.size(); i++) {
            if (!(state.getValue(i) instanceof JsonObject event) || !"".equals(event.getString("state_key"))) {
                continue;
            }
            JsonObject eventContent = event.getJsonObject("content", new JsonObject());
            switch (event.getString("type", "")) {
                case "m.room.power_levels" -> content = eventContent;
                case "m.room.create" -> creators = creatorsOf(event, eventContent);
                default -> { }
            }
        }
        return new PowerLevels(content, creators);
    }

    private static Set<String> creatorsOf(JsonObject create, JsonObject content) {
        if (!"12".equals(content.getString("room_version"))) {
            return Set.of();
        }
        java.util.HashSet<String> creators = new java.util.HashSet<>();
        creators.add(create.getString("sender", ""));
        JsonArray additional = content.getJsonArray("additional_creators", new JsonArray());
        additional.forEach(user -> creators.add(String.valueOf(user)));
        return creators;
    }

    public int userLevel(UserId user) {
        if (creators.contains(user.value())) {
            return CREATOR;
        }
        JsonObject users = content.getJsonObject("users", new JsonObject());
        Object level = users.getValue(user.value());
        return level instanceof Number n ? n.intValue() : content.getInteger("users_default", 0);
    }

    /** The level needed to send a message event of this type. */
    public int eventLevel(String eventType) {
        Object level = content.getJsonObject("events", new JsonObject()).getValue(eventType);
        return level instanceof Number n ? n.intValue() : content.getInteger("events_default", 0);
    }

    /** The level needed to send a state event of this type. */
    public int stateLevel(String eventType) {
        Object level = content.getJsonObject("events", new JsonObject()).getValue(eventType);
        return level instanceof Number n ? n.intValue() : stateDefault();
    }

    public int stateDefault() {
        return content.getInteger("state_default", 50);
    }
}
