package dev.steward.bot;

import dev.steward.commands.Outcome;
import dev.steward.homeserver.appservice.AppserviceListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import dev.steward.bot.gateway.Ledger;
import dev.steward.bot.gateway.ModelMeters;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every meter Steward declares, in one place. Names start with {@code steward_}; tags take few values (route,
 * command, model, outcome), never a room or user id.
 */
public final class StewardMetrics implements AppserviceListener, ModelMeters {
    private final MeterRegistry registry;
    private final Counter transactionsStored;
    private final Counter transactionsRepeated;
    private final Counter eventsReceived;
    private final Counter eventsInvalid;
    private final AtomicLong inboxPending = new AtomicLong();

    public StewardMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.transactionsStored = Counter.builder("steward_appservice_transactions")
                .description("Transactions pushed by the homeserver").tag("outcome", "stored").register(registry);
        this.transactionsRepeated = Counter.builder("steward_appservice_transactions")
                .description("Transactions pushed by the homeserver").tag("outcome", "repeated").register(registry);
        this.eventsReceived = Counter.builder("steward_appservice_events")
                .description("Events received in transactions").tag("outcome", "stored").register(registry);
        this.eventsInvalid = Counter.builder("steward_appservice_events")
                .description("Events received in transactions").tag("outcome", "invalid").register(registry);
        Gauge.builder("steward_inbox_pending", inboxPending, AtomicLong::get)
                .description("Events stored but not handled yet").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void transactionStored(String txnId, int events, int skippedInvalid) {
        transactionsStored.increment();
        eventsReceived.increment(events);
        eventsInvalid.increment(skippedInvalid);
    }

    @Override
    public void transactionRepeated(String txnId) {
        transactionsRepeated.increment();
    }

    public void eventHandled(String route, boolean succeeded) {
        registry.counter("steward_events_handled", "route", route, "outcome", succeeded ? "ok" : "error").increment();
    }

    /** Counts a command; unknown names are counted as one tag value so that typos cannot grow the series. */
    public void command(String knownName, Outcome outcome) {
        String name = outcome == Outcome.UNKNOWN ? "unknown" : knownName;
        registry.counter("steward_commands", "command", name, "outcome", outcome.tag()).increment();
    }

    @Override
    public void attempt(Ledger.Entry entry, String outcome) {
        String model = entry.model();
        registry.counter("steward_model_requests", "model", model, "outcome", outcome).increment();
        registry.counter("steward_model_tokens_in", "model", model, "outcome", outcome).increment(entry.tokensIn());
        registry.counter("steward_model_tokens_out", "model", model, "outcome", outcome).increment(entry.tokensOut());
        registry.counter("steward_model_cost", "model", model, "outcome", outcome)
                .increment(entry.cost().doubleValue());
        Timer.builder("steward_model_latency").tags("model", model, "outcome", outcome)
                .publishPercentileHistogram().register(registry)
                .record(java.time.Duration.ofMillis(entry.latencyMs()));
    }

    @Override
    public void fallback(String failedModel, String outcome) {
        registry.counter("steward_model_fallbacks", "model", failedModel, "outcome", outcome).increment();
    }

    public void inboxPending(long pending) {
        inboxPending.set(pending);
    }
}
