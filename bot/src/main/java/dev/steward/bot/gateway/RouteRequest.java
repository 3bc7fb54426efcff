package dev.steward.bot.gateway;

import dev.steward.safety.policy.EffectivePolicy;
import java.util.Optional;

/**
 * What routing weighs for one request.
 *
 * @param sensitive personal data the policy keeps local, or a member whose policy says local only
 * @param privateRoom the room is marked private: everything in it stays local
 * @param explicit the model the member named ({@code !ask @model})
 * @param roomDefault the model an admin chose for the room ({@code !model})
 * @param nearBudget the member has used most of a budget: the cheapest allowed model is preferred
 */
public record RouteRequest(EffectivePolicy policy, boolean sensitive, boolean privateRoom, Optional<String> explicit,
        Optional<String> roomDefault, boolean nearBudget) {

    boolean localOnly() {
        return sensitive || privateRoom;
    }
}
