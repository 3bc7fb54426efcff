package dev.steward.bot.safety;

import dev.steward.bot.rooms.RoomStates;
import dev.steward.commands.Caller;
import dev.steward.homeserver.client.PowerLevels;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.authority.Actor;
import dev.steward.commands.policy.MemberPolicies;
import io.vertx.core.Future;

/**
 * Reads who sent an event once for that event: their power level in the room (from the room's cached state) and
 * their effective policy. Every check made while handling the event reads the {@link Caller} this gives.
 */
public final class Callers {
    private final RoomStates rooms;
    private final MemberPolicies policies;

    public Callers(RoomStates rooms, MemberPolicies policies) {
        this.rooms = rooms;
        this.policies = policies;
    }

    public Future<Caller> of(RoomId room, UserId member) {
        return Future.all(rooms.powerLevels(room), policies.effective(member)).map(both -> new Caller(
                new Actor(member, room, both.<PowerLevels>resultAt(0).userLevel(member)),
                both.resultAt(1)));
    }
}
