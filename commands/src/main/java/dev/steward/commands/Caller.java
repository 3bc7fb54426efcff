package dev.steward.commands;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.authority.Actor;
import dev.steward.safety.policy.EffectivePolicy;
import java.util.Objects;

/**
 * Who sent the event being handled, as read once for that event: the member acting in the room (with their power
 * level there) and their effective policy. Every check made while handling the event reads this one value.
 */
public record Caller(Actor actor, EffectivePolicy policy) {
    public Caller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(policy, "policy");
        if (!actor.member().equals(policy.member())) {
            throw new IllegalArgumentException("the policy is " + policy.member() + "'s, not " + actor.member() + "'s");
        }
    }

    public UserId member() {
        return actor.member();
    }

    public RoomId room() {
        return actor.room();
    }
}
