package dev.steward.bot.gateway;

import java.util.Optional;

/**
 * What asking a model's provider for its model list found. Carries no key, so it may be logged and shown.
 *
 * @param url the model list that was asked for
 * @param roundTripMs from sending the request to its answer or failure
 */
public record ModelReachability(String model, boolean local, String modelId, String url, long roundTripMs,
        Outcome outcome) {

    /** How the provider answered. */
    public sealed interface Outcome {
        /** The model list came back; {@code modelListed} is empty when it could not be read. */
        record Listed(Optional<Boolean> modelListed) implements Outcome {}

        /** The server answered 401 or 403: it is there, but will not serve this key (or wants one). */
        record KeyRefused(int status, boolean keyConfigured) implements Outcome {}

        /** The server answered with another error status. */
        record Failed(int status) implements Outcome {}

        /** No answer: connection refused, unknown host, timeout; {@code reason} is for people. */
        record Unreachable(String reason) implements Outcome {}
    }

    /** Whether the server answered at all, even if only to refuse the key. */
    public boolean reachable() {
        return !(outcome instanceof Outcome.Unreachable);
    }

    /** What is wrong, for people: empty when the provider answered and lists the model. */
    public Optional<String> problem() {
        return Optional.ofNullable(switch (outcome) {
            case Outcome.Listed(Optional<Boolean> listed) when listed.isEmpty() -> GatewayStrings.LIST_UNREADABLE;
            case Outcome.Listed(Optional<Boolean> listed) -> listed.get() ? null : GatewayStrings.notListed(modelId);
            case Outcome.KeyRefused(int status, boolean keyConfigured) -> GatewayStrings.keyRefused(status,
                    keyConfigured);
            case Outcome.Failed(int status) -> GatewayStrings.listFailed(status);
            case Outcome.Unreachable(String reason) -> reason;
        });
    }
}
