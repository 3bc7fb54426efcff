package dev.steward.safety.spaces;

import dev.steward.homeserver.client.PowerLevels;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.util.Set;

/**
 * Whether a room belongs to a space (spec: "Spaces", parent and child events). A room's own {@code m.space.parent}
 * is only a claim, which any admin of that room can write; it holds when the space lists the room
 * ({@code m.space.child}) or when whoever sent the claim could have sent that child event in the space, as the spec
 * tells clients to check. A room outside the family that names the family's space is therefore not in it.
 */
public final class SpaceMembership {
    /** A room's {@code m.space.parent} event: which space it names, and who sent it. */
    public record ParentClaim(RoomId space, UserId sender) {}

    /** What a space says: the rooms it lists as children, and its power levels. */
    public record SpaceView(RoomId space, Set<RoomId> children, PowerLevels powerLevels) {
        public SpaceView {
            children = Set.copyOf(children);
        }
    }

    private SpaceMembership() {}

    public static boolean belongs(RoomId room, ParentClaim claim, SpaceView space) {
        if (!claim.space().equals(space.space())) {
            return false;
        }
        return space.children().contains(room)
                || space.powerLevels().userLevel(claim.sender()) >= space.powerLevels().stateLevel("m.space.child");
    }
}
