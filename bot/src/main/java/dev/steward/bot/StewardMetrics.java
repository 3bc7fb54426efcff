package dev.steward.bot;

import dev.steward.commands.Outcome;
import dev.steward.homeserver.appservice.AppserviceListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import dev.steward.bot.gateway.Ledger;
import dev.steward.bot.crypto.CryptoMeters;
import dev.steward.bot.gateway.ModelMeters;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every meter Steward declares, in one place. Names start with {@code steward_}; tags take few values (route,
 * command, model, outcome), never a room or user id.
 */
public final class StewardMetrics implements AppserviceListener, ModelMeters, CryptoMeters {
    private final MeterRegistry registry;
    private final Counter transactionsStored;
    private final Counter transactionsRepeated;
    private final Counter eventsReceived;
    private final Counter eventsInvalid;
    private final AtomicLong inboxPending = new AtomicLong();
    private final AtomicLong e2eeWaiting = new AtomicLong();

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
        Gauge.builder("steward_e2ee_waiting_events", e2eeWaiting, AtomicLong::get)
                .description("Encrypted events waiting for their room key").register(registry);
    }

    // End-to-end encryption (CryptoMeters): counts of events and keys, never which.
    private Counter e2ee(String name, String outcome, String description) {
        return Counter.builder(name).description(description).tag("outcome", outcome).register(registry);
    }

    @Override
    public void decrypted() {
        e2ee("steward_e2ee_events", "decrypted", "Encrypted room events, by what became of them").increment();
    }

    @Override
    public void waiting() {
        e2ee("steward_e2ee_events", "waiting_for_key", "Encrypted room events, by what became of them").increment();
    }

    @Override
    public void lateKeyArrived() {
        e2ee("steward_e2ee_events", "late_key_arrived", "Encrypted room events, by what became of them").increment();
    }

    @Override
    public void unreadable() {
        e2ee("steward_e2ee_events", "unreadable", "Encrypted room events, by what became of them").increment();
    }

    @Override
    public void keysNeverArrived(int events) {
        e2ee("steward_e2ee_events", "key_never_arrived", "Encrypted room events, by what became of them")
                .increment(events);
    }

    @Override
    public void roomKeyReceived() {
        e2ee("steward_e2ee_room_keys", "received", "Room keys received from other devices").increment();
    }

    @Override
    public void undecryptableNotice() {
        e2ee("steward_e2ee_notices", "undecryptable", "Notices that a message could not be read yet").increment();
    }

    @Override
    public void encryptedSent() {
        e2ee("steward_e2ee_sent", "encrypted", "Events Steward sent encrypted").increment();
    }

    @Override
    public void waitingNow(long events) {
        e2eeWaiting.set(events);
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
