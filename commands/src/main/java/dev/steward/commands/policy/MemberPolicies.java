package dev.steward.commands.policy;

import dev.steward.commands.Caller;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.policy.EffectivePolicy;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The port through which commands read and change members' policies; the bot implements it over
 * {@link dev.steward.safety.policy.Policies}, off the event loop. The commands declare who may change policies; the
 * registry checks it before these are called. A bad key or value fails with
 * {@link dev.steward.safety.policy.PolicyRefusal}.
 */
public interface MemberPolicies {
    Future<EffectivePolicy> effective(UserId member);

    Future<EffectivePolicy> set(Caller by, UserId member, String key, String value);

    Future<Integer> reset(Caller by, UserId member, Optional<String> key);
}
