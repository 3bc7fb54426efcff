package dev.steward.commands;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.authority.Actor;
import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.sensitivity.Reach;
import dev.steward.safety.sensitivity.SensitivityRule;
import java.util.Objects;

/**
 * Who sent the event being handled, as read once for that event: the member acting in the room (with their power
 * level there), their effective policy, and where their words may go (local only for a member whose policy says so,
 * or in a private room). Every check made while handling the event reads this one value, and Steward's replies to
 * the event carry its reach.
 */
public record Caller(Actor actor, EffectivePolicy policy, Reach reach) {
    /** A caller in a room that is not private. */
    public Caller(Actor actor, EffectivePolicy policy) {
        this(actor, policy, SensitivityRule.ofAuthor(policy, false, false));
    }

    public Caller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reach, "reach");
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
