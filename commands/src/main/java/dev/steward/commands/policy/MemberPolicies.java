package dev.steward.commands.policy;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.audit.AuditEntry;
import dev.steward.safety.policy.EffectivePolicy;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The port through which commands read and change members' policies; the bot implements it over
 * {@link dev.steward.safety.policy.Policies}, off the event loop, with power levels read from the room.
 * Refusals fail with {@link dev.steward.safety.policy.PolicyRefusal}.
 */
public interface MemberPolicies {
    Future<EffectivePolicy> effective(RoomId room, UserId member);

    Future<Boolean> isAdmin(RoomId room, UserId member);

    Future<EffectivePolicy> set(RoomId room, UserId by, UserId member, String key, String value);

    Future<Integer> reset(RoomId room, UserId by, UserId member, Optional<String> key);

    Future<List<AuditEntry>> audit(RoomId room, UserId by, int count);
}
