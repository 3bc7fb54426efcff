package dev.steward.homeserver.client;

import dev.steward.homeserver.id.UserId;
import io.vertx.core.json.JsonObject;

/** A room's {@code m.room.power_levels} content, read with the spec's defaults. */
public record PowerLevels(JsonObject content) {
    public int userLevel(UserId user) {
        JsonObject users = content.getJsonObject("users", new JsonObject());
        Object level = users.getValue(user.value());
        return level instanceof Number n ? n.intValue() : content.getInteger("users_default", 0);
    }

    /** The level needed to send a message event of this type. */
    public int eventLevel(String eventType) {
        Object level = content.getJsonObject("events", new JsonObject()).getValue(eventType);
        return level instanceof Number n ? n.intValue() : content.getInteger("events_default", 0);
    }

    public int stateDefault() {
        return content.getInteger("state_default", 50);
    }
}
