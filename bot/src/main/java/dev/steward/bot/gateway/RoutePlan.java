package dev.steward.bot.gateway;

import java.util.List;

/** Where a request goes: the models to try in order (the first is the choice, then fallbacks), and why. */
public sealed interface RoutePlan {
    record Go(List<ModelEntry> candidates, String reason) implements RoutePlan {}

    /** No model can take the request; {@code message} tells the member why and what to do. */
    record Refuse(String rule, String message) implements RoutePlan {}
}
