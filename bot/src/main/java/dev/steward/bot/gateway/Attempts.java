package dev.steward.bot.gateway;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.output.TokenUsage;
import dev.steward.commands.UserFacingException;
import dev.steward.homeserver.client.CallObserver;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.safety.budget.Usage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a route's models in order until one answers: skips providers whose circuit is open, falls back on errors,
 * timeouts and 429, and records every attempt in the ledger and the meters. Blocking: runs on a worker thread.
 */
public final class Attempts {
    private static final Logger log = LoggerFactory.getLogger(Attempts.class);

    /** The answer and who gave it, with what it used. */
    record Answered(String text, ModelEntry model, Usage usage) {}

    private final Clock clock;
    private final Map<String, ModelClient> clients;
    private final CircuitBreaker breaker;
    private final Ledger ledger;
    private final ModelMeters meters;
    private final CallObserver calls;

    Attempts(Clock clock, Map<String, ModelClient> clients, CircuitBreaker breaker, Ledger ledger, ModelMeters meters,
            CallObserver calls) {
        this.calls = calls;
        this.clock = clock;
        this.clients = Map.copyOf(clients);
        this.breaker = breaker;
        this.ledger = ledger;
        this.meters = meters;
    }

    /** Builds one client per configured model. */
    public static Attempts forModels(Clock clock, List<ModelEntry> models, CircuitBreaker breaker, Ledger ledger,
            ModelMeters meters, CallObserver calls) {
        Map<String, ModelClient> clients = new java.util.HashMap<>();
        models.forEach(model -> clients.put(model.name(), ProviderFactory.build(model)));
        return new Attempts(clock, clients, breaker, ledger, meters, calls);
    }

    Answered run(MatrixEvent event, RoutePlan.Go route, Function<ModelEntry, List<ChatMessage>> messagesFor,
            RequestGuard.Prepared prepared, Consumer<String> soFar) {
        int tried = 0;
        for (ModelEntry model : route.candidates()) {
            if (!breaker.allows(model.endpoint())) {
                tried++;
                continue;
            }
            List<ChatMessage> messages = messagesFor.apply(model);
            Instant started = clock.instant();
            long startNanos = System.nanoTime();
            try {
                ModelClient.Reply reply;
                try {
                    reply = clients.get(model.name()).chat(messages, soFar);
                } finally {
                    calls.answered("POST", model.name(), startNanos, System.nanoTime());
                }
                breaker.succeeded(model.endpoint());
                TokenCount count = TokenCount.of(reply.usage().orElse(null), messages, reply.text());
                BigDecimal cost = model.cost(count.in(), count.out());
                record(new Ledger.Entry(started, event.sender().value(), event.roomId().value(),
                        event.eventId().value(), model.name(), model.provider().configName(), count.in(), count.out(),
                        count.estimated(), cost, millisSince(startNanos), route.reason(), tried,
                        prepared.redactions(), "ok", reply.firstTokenMs()), "ok");
                return new Answered(reply.text(), model, new Usage(count.in() + count.out(), cost));
            } catch (RuntimeException e) {
                breaker.failed(model.endpoint());
                String outcome = outcomeOf(e);
                log.warn("model {} failed for {} in {}: {} ({})", model.name(), event.eventId(), event.roomId(),
                        outcome, e.getClass().getSimpleName());
                record(new Ledger.Entry(started, event.sender().value(), event.roomId().value(),
                        event.eventId().value(), model.name(), model.provider().configName(), 0, 0, true,
                        BigDecimal.ZERO, millisSince(startNanos), route.reason(), tried, prepared.redactions(),
                        outcome.equals("error") ? "error: " + e.getClass().getSimpleName() : outcome,
                        OptionalLong.empty()), outcome);
                tried++;
                if (tried < route.candidates().size()) {
                    meters.fallback(model.name(), outcome);
                }
            }
        }
        throw new UserFacingException(GatewayStrings.ALL_FAILED);
    }

    private void record(Ledger.Entry entry, String outcome) {
        ledger.record(entry);
        meters.attempt(entry, outcome);
    }

    static String outcomeOf(RuntimeException e) {
        if (e instanceof StreamingClient.ModelTimeoutException || e instanceof TimeoutException
                || e.getCause() instanceof java.net.http.HttpTimeoutException) {
            return "timeout";
        }
        return e instanceof RateLimitException ? "rate_limited" : "error";
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Tokens in and out: the provider's figures, or estimates (marked) when it gave none. */
    private record TokenCount(long in, long out, boolean estimated) {
        static TokenCount of(TokenUsage usage, List<ChatMessage> messages, String answer) {
            if (usage != null && usage.inputTokenCount() != null && usage.outputTokenCount() != null) {
                return new TokenCount(usage.inputTokenCount(), usage.outputTokenCount(), false);
            }
            return new TokenCount(estimateTokens(messages), ModelGateway.estimateTokens(answer), true);
        }
    }

    static long estimateTokens(List<ChatMessage> messages) {
        return messages.stream().mapToLong(message -> ModelGateway.estimateTokens(textOf(message)) + 4).sum();
    }

    private static String textOf(ChatMessage message) {
        return switch (message) {
            case SystemMessage system -> system.text();
            case UserMessage user -> user.hasSingleText() ? user.singleText() : "";
            case AiMessage ai -> ai.text();
            default -> "";
        };
    }
}
