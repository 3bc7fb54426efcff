package dev.steward.bot.roommemory;

import dev.steward.bot.rooms.RoomSettings;
import dev.steward.bot.rooms.SpaceRooms;
import dev.steward.homeserver.id.RoomId;
import dev.steward.memory.MemoryStore;
import dev.steward.memory.Scope;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which memories a room may see: its own, and those stored for the space by the other rooms of its spaces that
 * share, where both rooms verifiably belong to the space ({@link SpaceRooms}). A private room sees only its own, and
 * its memories are never seen elsewhere.
 */
final class MemoryScopes {
    private final Vertx vertx;
    private final MemoryStore store;
    private final RoomSettings rooms;
    private final SpaceRooms spaces;

    MemoryScopes(Vertx vertx, MemoryStore store, RoomSettings rooms, SpaceRooms spaces) {
        this.vertx = vertx;
        this.store = store;
        this.rooms = rooms;
        this.spaces = spaces;
    }

    Future<Scope> of(RoomId room) {
        if (rooms.of(room).isPrivate()) {
            return Future.succeededFuture(Scope.room(room));
        }
        return Future.all(spaces.spacesOf(room), vertx.executeBlocking(() -> store.settings().roomsSharingWithSpace(),
                false)).compose(both -> {
                    Set<RoomId> mine = both.resultAt(0);
                    List<RoomId> sharing = both.resultAt(1);
                    if (mine.isEmpty()) {
                        return Future.succeededFuture(Scope.room(room));
                    }
                    List<RoomId> candidates = sharing.stream()
                            .filter(other -> !other.equals(room) && !rooms.of(other).isPrivate()).toList();
                    List<Future<Boolean>> checks = new ArrayList<>();
                    candidates.forEach(other -> checks.add(spaces.spacesOf(other)
                            .map(theirs -> theirs.stream().anyMatch(mine::contains))));
                    return Future.all(checks).map(done -> {
                        Set<RoomId> sharedFrom = new HashSet<>();
                        for (int i = 0; i < candidates.size(); i++) {
                            if (checks.get(i).result()) {
                                sharedFrom.add(candidates.get(i));
                            }
                        }
                        return new Scope(Set.of(room), sharedFrom);
                    });
                });
    }
}
