package dev.steward.bot.safety;

import dev.steward.bot.pipeline.DirectRooms;
import dev.steward.bot.rooms.RoomStates;
import dev.steward.bot.rooms.SpaceRooms;
import dev.steward.commands.Caller;
import dev.steward.commands.UserFacingException;
import dev.steward.commands.policy.AuditTrail;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.audit.AuditEntry;
import dev.steward.safety.audit.AuditLog;
import dev.steward.safety.audit.AuditScope;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the audit log may be read, and what of it: it holds other members' refusals (a child's self-harm alert
 * among them), so it is shown only in the admins' room ({@code safety.admin_room}) or in a direct chat with the
 * asker, never in a room others read; and only what concerns the admins' space (see {@link AuditScope}). Without an
 * admins' room, Steward serves one household and a direct chat shows the whole log.
 */
final class SpaceAuditTrail implements AuditTrail {
    static final String ONLY_THERE = "I show the audit log only in the admins' room or in a direct chat with you,"
            + " since it holds other members' decisions. Ask me there.";

    private final Vertx vertx;
    private final AuditLog audit;
    private final Optional<RoomId> adminRoom;
    private final DirectRooms directRooms;
    private final SpaceRooms spaces;
    private final RoomStates states;

    SpaceAuditTrail(Vertx vertx, AuditLog audit, Optional<RoomId> adminRoom, DirectRooms directRooms,
            SpaceRooms spaces, RoomStates states) {
        this.vertx = vertx;
        this.audit = audit;
        this.adminRoom = adminRoom;
        this.directRooms = directRooms;
        this.spaces = spaces;
        this.states = states;
    }

    @Override
    public Future<List<AuditEntry>> latest(Caller caller, int count) {
        boolean inAdminRoom = adminRoom.filter(caller.room()::equals).isPresent();
        Future<Boolean> allowedHere = inAdminRoom ? Future.succeededFuture(true)
                : directRooms.isDirect(caller.room());
        return allowedHere.compose(allowed -> {
            if (!allowed) {
                return Future.failedFuture(new UserFacingException(ONLY_THERE));
            }
            if (adminRoom.isEmpty()) {
                return vertx.executeBlocking(() -> audit.latest(count), false);
            }
            return scope(adminRoom.get()).compose(scope -> vertx.executeBlocking(() -> audit.latestOf(scope, count),
                    false));
        });
    }

    /** The admins' room's spaces: their rooms and members, with the admins' room itself. */
    private Future<AuditScope> scope(RoomId admins) {
        return spaces.spacesOf(admins).compose(spaceIds -> {
            List<RoomId> places = new ArrayList<>(spaceIds);
            places.add(admins);
            List<Future<Set<RoomId>>> rooms = spaceIds.stream().map(spaces::roomsOf).toList();
            List<Future<Set<UserId>>> members = places.stream().map(place -> states.joined(place).otherwise(Set.of()))
                    .toList();
            return Future.all(Future.all(rooms), Future.all(members)).map(done -> {
                Set<String> roomIds = new HashSet<>();
                roomIds.add(admins.value());
                rooms.forEach(found -> found.result().forEach(room -> roomIds.add(room.value())));
                Set<String> memberIds = new HashSet<>();
                members.forEach(found -> found.result().forEach(member -> memberIds.add(member.value())));
                Set<String> direct = new HashSet<>();
                directRooms.all().forEach(room -> direct.add(room.value()));
                return new AuditScope(roomIds, memberIds, direct);
            });
        });
    }
}
