package dev.steward.bot.gateway;

import dev.steward.safety.policy.EffectivePolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses the models for one request, in order: the member's allowed models (safety); the privacy tier the request
 * needs (sensitive content, a private room or a local-only member: local models only, and fallbacks stay local); an
 * explicit choice ({@code !ask @model}) or the room's default ({@code !model}); budget headroom (the cheapest allowed
 * model when the member is near a budget); then the configured default and its fallbacks. Pure: the same inputs
 * always give the same plan.
 */
public final class ModelRouter {
    private final Map<String, ModelEntry> byName;
    private final List<ModelEntry> configured;
    private final Optional<String> defaultModel;
    private final List<String> fallbacks;

    public ModelRouter(List<ModelEntry> models, Optional<String> defaultModel, List<String> fallbacks) {
        this.configured = List.copyOf(models);
        this.byName = models.stream().collect(Collectors.toMap(ModelEntry::name, Function.identity()));
        this.defaultModel = defaultModel;
        this.fallbacks = List.copyOf(fallbacks);
    }

    /** The smallest context window of the configured models: what any route can carry. */
    public int smallestContextWindow() {
        return configured.stream().mapToInt(ModelEntry::contextWindow).min().orElse(0);
    }

    public boolean anyConfigured() {
        return !configured.isEmpty();
    }

    public Optional<ModelEntry> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The models this member may use, in configuration order. */
    public List<ModelEntry> allowed(EffectivePolicy policy) {
        return configured.stream().filter(model -> policy.allowsModel(model.name())).toList();
    }

    public RoutePlan route(RouteRequest request) {
        if (configured.isEmpty()) {
            return new RoutePlan.Refuse("no_model", GatewayStrings.NO_MODEL_CONFIGURED);
        }
        List<ModelEntry> allowed = allowed(request.policy());
        boolean local = request.localOnly();
        if (request.explicit().isPresent()) {
            ModelEntry chosen = byName.get(request.explicit().get());
            if (chosen == null || !allowed.contains(chosen)) {
                return new RoutePlan.Refuse("models", GatewayStrings.notAllowed(request.explicit().get(), allowed));
            }
            if (local && !chosen.local()) {
                return new RoutePlan.Refuse("privacy", GatewayStrings.mustStayLocal(chosen.name(), local(allowed)));
            }
        }
        List<ModelEntry> tier = local ? local(allowed) : allowed;
        if (tier.isEmpty()) {
            return new RoutePlan.Refuse(local ? "privacy" : "models",
                    local ? GatewayStrings.NO_LOCAL_MODEL : GatewayStrings.notAllowed(null, allowed));
        }
        Set<ModelEntry> order = new LinkedHashSet<>();
        String reason = null;
        if (request.explicit().isPresent()) {
            order.add(byName.get(request.explicit().get()));
            reason = "explicit choice";
        }
        Optional<ModelEntry> roomDefault = request.roomDefault().map(byName::get).filter(tier::contains);
        if (reason == null && roomDefault.isPresent()) {
            order.add(roomDefault.get());
            reason = "room default";
        }
        if (reason == null && request.nearBudget()) {
            ModelEntry cheapest = tier.stream().min(Comparator.comparing(ModelRouter::price)).orElseThrow();
            order.add(cheapest);
            reason = "near budget: cheapest allowed";
        }
        defaultModel.map(byName::get).filter(tier::contains).ifPresent(order::add);
        fallbacks.stream().map(byName::get).filter(tier::contains).forEach(order::add);
        order.addAll(tier);
        List<ModelEntry> candidates = new ArrayList<>(order);
        if (reason == null) {
            reason = candidates.get(0).name().equals(defaultModel.orElse("")) ? "default" : "first allowed";
        }
        String tierNote = request.privateRoom() ? "private room: local only; "
                : !request.contextReason().isEmpty() ? request.contextReason() + "; "
                : request.sensitive() ? "sensitive: local only; " : "";
        return new RoutePlan.Go(candidates, tierNote + reason);
    }

    /** What a typical answer costs, for choosing the cheapest: the output price counts most. */
    private static java.math.BigDecimal price(ModelEntry model) {
        return model.cost(1_000, 1_000);
    }

    private static List<ModelEntry> local(List<ModelEntry> models) {
        return models.stream().filter(ModelEntry::local).toList();
    }
}
