package dev.steward.bot.gateway;

/** Where the gateway counts its calls: requests, tokens, cost, latency and fallbacks, by model and outcome only. */
public interface ModelMeters {
    /** One attempt, as written to the ledger; {@code outcome} is one of a few values (ok, error, timeout...). */
    void attempt(Ledger.Entry entry, String outcome);

    /** A model failed and the request moved on to the next one of its route. */
    void fallback(String failedModel, String outcome);

    ModelMeters NONE = new ModelMeters() {
        @Override
        public void attempt(Ledger.Entry entry, String outcome) {}

        @Override
        public void fallback(String failedModel, String outcome) {}
    };
}
