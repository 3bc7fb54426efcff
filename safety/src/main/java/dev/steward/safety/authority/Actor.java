package dev.steward.safety.authority;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.util.Objects;

/**
 * A member acting in a room, with their power level there as read for this event. Room powers are judged against
 * {@code room} only: the same person in another room is another actor.
 */
public record Actor(UserId member, RoomId room, int powerLevel) {
    public Actor {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(room, "room");
    }
}
