package dev.steward.bot.gateway;

import dev.steward.safety.policy.EffectivePolicy;
import java.util.Optional;

/**
 * What routing weighs for one request.
 *
 * @param sensitive the request carries something that must stay local (the asker's words, or context judged so)
 * @param privateRoom the room is marked private: everything in it stays local
 * @param explicit the model the member named ({@code !ask @model})
 * @param roomDefault the model an admin chose for the room ({@code !model})
 * @param nearBudget the member has used most of a budget: the cheapest allowed model is preferred
 * @param contextReason what the context changed (sent local, or pieces left out), for the route's reason; or empty
 */
public record RouteRequest(EffectivePolicy policy, boolean sensitive, boolean privateRoom, Optional<String> explicit,
        Optional<String> roomDefault, boolean nearBudget, String contextReason) {
    public RouteRequest(EffectivePolicy policy, boolean sensitive, boolean privateRoom, Optional<String> explicit,
            Optional<String> roomDefault, boolean nearBudget) {
        this(policy, sensitive, privateRoom, explicit, roomDefault, nearBudget, "");
    }


    boolean localOnly() {
        return sensitive || privateRoom;
    }
}
