package dev.steward.bot.safety;

import dev.steward.bot.rooms.RoomSettings;
import dev.steward.bot.rooms.RoomStates;
import dev.steward.commands.Caller;
import dev.steward.homeserver.client.PowerLevels;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.authority.Actor;
import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.sensitivity.SensitivityRule;
import dev.steward.commands.policy.MemberPolicies;
import io.vertx.core.Future;

/**
 * Reads who sent an event once for that event: their power level in the room (from the room's cached state),
 * their effective policy, and where their words may go (local for a local-only member, or in a private room). Every check made while handling the event reads the {@link Caller} this gives.
 */
public final class Callers {
    private final RoomStates states;
    private final MemberPolicies policies;
    private final RoomSettings rooms;

    public Callers(RoomStates states, MemberPolicies policies, RoomSettings rooms) {
        this.states = states;
        this.policies = policies;
        this.rooms = rooms;
    }

    public Future<Caller> of(RoomId room, UserId member) {
        return Future.all(states.powerLevels(room), policies.effective(member)).map(both -> {
            EffectivePolicy policy = both.resultAt(1);
            return new Caller(new Actor(member, room, both.<PowerLevels>resultAt(0).userLevel(member)), policy,
                    SensitivityRule.ofAuthor(policy, rooms.of(room).isPrivate(), false));
        });
    }
}
