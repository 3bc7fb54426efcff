package dev.steward.bot.rooms;

import dev.steward.homeserver.client.PowerLevels;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.spaces.SpaceMembership;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The spaces a room verifiably belongs to ({@link SpaceMembership}): the room names the space, and the space backs
 * the claim, which Steward can only check by reading the space's state, so it must be a member of the space too. A
 * space Steward cannot read verifies nothing. States come from {@link RoomStates}, so they are cached and bounded.
 */
public final class SpaceRooms {
    private final RoomStates states;

    public SpaceRooms(RoomStates states) {
        this.states = states;
    }

    /** The spaces {@code room} belongs to; empty when it names none, or none backs it, or a state cannot be read. */
    public Future<Set<RoomId>> spacesOf(RoomId room) {
        return states.of(room).compose(state -> {
            List<SpaceMembership.ParentClaim> claims = claimsIn(state);
            List<Future<Boolean>> checks = new ArrayList<>();
            claims.forEach(claim -> checks.add(view(claim.space())
                    .map(space -> SpaceMembership.belongs(room, claim, space)).otherwise(false)));
            return Future.join(checks).transform(done -> {
                Set<RoomId> spaces = new HashSet<>();
                for (int i = 0; i < claims.size(); i++) {
                    if (checks.get(i).succeeded() && checks.get(i).result()) {
                        spaces.add(claims.get(i).space());
                    }
                }
                return Future.succeededFuture(Set.copyOf(spaces));
            });
        }).otherwise(Set.of());
    }

    /** The rooms a space lists that verifiably belong to it (among those whose state Steward can read). */
    public Future<Set<RoomId>> roomsOf(RoomId space) {
        return view(space).compose(view -> {
            List<RoomId> children = List.copyOf(view.children());
            List<Future<Set<RoomId>>> spaces = children.stream().map(this::spacesOf).toList();
            return Future.join(spaces).transform(done -> {
                Set<RoomId> rooms = new HashSet<>();
                for (int i = 0; i < children.size(); i++) {
                    if (spaces.get(i).succeeded() && spaces.get(i).result().contains(space)) {
                        rooms.add(children.get(i));
                    }
                }
                return Future.succeededFuture(Set.copyOf(rooms));
            });
        }).otherwise(Set.of());
    }

    private Future<SpaceMembership.SpaceView> view(RoomId space) {
        return states.of(space).map(state -> new SpaceMembership.SpaceView(space, childrenIn(state),
                PowerLevels.inState(state)));
    }

    private static List<SpaceMembership.ParentClaim> claimsIn(JsonArray state) {
        List<SpaceMembership.ParentClaim> claims = new ArrayList<>();
        for (JsonObject event : linksIn(state, "m.space.parent")) {
            try {
                claims.add(new SpaceMembership.ParentClaim(RoomId.of(event.getString("state_key")),
                        UserId.of(event.getString("sender", ""))));
            } catch (IllegalArgumentException e) {
                // A malformed parent names no space Steward could check.
            }
        }
        return claims;
    }

    private static Set<RoomId> childrenIn(JsonArray state) {
        Set<RoomId> children = new HashSet<>();
        for (JsonObject event : linksIn(state, "m.space.child")) {
            try {
                children.add(RoomId.of(event.getString("state_key")));
            } catch (IllegalArgumentException e) {
                // Not a room id: not a child Steward can serve.
            }
        }
        return children;
    }

    /** Parent or child links: an empty content (or one without {@code via}) is how a link is removed. */
    private static List<JsonObject> linksIn(JsonArray state, String type) {
        List<JsonObject> links = new ArrayList<>();
        for (int i = 0; i < state.size(); i++) {
            if (state.getValue(i) instanceof JsonObject event && type.equals(event.getString("type"))
                    && event.getValue("state_key") instanceof String
                    && event.getJsonObject("content", new JsonObject()).getValue("via") instanceof JsonArray via
                    && !via.isEmpty()) {
                links.add(event);
            }
        }
        return links;
    }
}
