package dev.steward.bot.gateway;

import dev.steward.safety.policy.EffectivePolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses the models for one request, in order: the member's allowed models (safety); the privacy tier the request
 * needs (sensitive: local models only, and fallbacks stay local); an explicit choice ({@code !ask @model}); then the
 * configured default and its fallbacks. Pure: the same inputs always give the same plan.
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

    public boolean anyConfigured() {
        return !configured.isEmpty();
    }

    /** The models this member may use, in configuration order. */
    public List<ModelEntry> allowed(EffectivePolicy policy) {
        return configured.stream().filter(model -> policy.allowsModel(model.name())).toList();
    }

    public RoutePlan route(EffectivePolicy policy, boolean sensitive, Optional<String> explicit) {
        if (configured.isEmpty()) {
            return new RoutePlan.Refuse("no_model", GatewayStrings.NO_MODEL_CONFIGURED);
        }
        List<ModelEntry> allowed = allowed(policy);
        if (explicit.isPresent()) {
            ModelEntry chosen = byName.get(explicit.get());
            if (chosen == null || !policy.allowsModel(chosen.name())) {
                return new RoutePlan.Refuse("models", GatewayStrings.notAllowed(explicit.get(), allowed));
            }
            if (sensitive && !chosen.local()) {
                return new RoutePlan.Refuse("privacy", GatewayStrings.mustStayLocal(chosen.name(), local(allowed)));
            }
        }
        List<ModelEntry> tier = sensitive ? local(allowed) : allowed;
        if (tier.isEmpty()) {
            return new RoutePlan.Refuse(sensitive ? "privacy" : "models",
                    sensitive ? GatewayStrings.NO_LOCAL_MODEL : GatewayStrings.notAllowed(null, allowed));
        }
        Set<ModelEntry> order = new LinkedHashSet<>();
        explicit.map(byName::get).ifPresent(order::add);
        defaultModel.map(byName::get).filter(tier::contains).ifPresent(order::add);
        fallbacks.stream().map(byName::get).filter(tier::contains).forEach(order::add);
        order.addAll(tier);
        List<ModelEntry> candidates = new ArrayList<>(order);
        String reason = explicit.isPresent() ? "explicit choice"
                : candidates.get(0).name().equals(defaultModel.orElse("")) ? "default" : "first allowed";
        return new RoutePlan.Go(candidates, (sensitive ? "sensitive: local only; " : "") + reason);
    }

    private static List<ModelEntry> local(List<ModelEntry> models) {
        return models.stream().filter(ModelEntry::local).toList();
    }
}
