package dev.steward.bot.gateway;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * One configured model: how to reach it (provider, model id, base URL, API key from the environment), whether it
 * runs locally (only local models may see sensitive content), its price per million tokens, its limits, and whether
 * its answers are streamed (posted as they arrive, then edited).
 */
public record ModelEntry(String name, Provider provider, String modelId, Optional<String> baseUrl,
        Optional<String> apiKey, boolean local, BigDecimal pricePerMillionIn, BigDecimal pricePerMillionOut,
        int contextWindow, Duration timeout, int maxAnswerTokens, boolean stream) {

    /** The LangChain4j provider families Steward builds models for. */
    public enum Provider {
        OPENAI, OLLAMA, ANTHROPIC, GEMINI;

        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a call with these token counts costs. */
    public BigDecimal cost(long tokensIn, long tokensOut) {
        return pricePerMillionIn.multiply(BigDecimal.valueOf(tokensIn))
                .add(pricePerMillionOut.multiply(BigDecimal.valueOf(tokensOut)))
                .divide(BigDecimal.valueOf(1_000_000), 6, java.math.RoundingMode.HALF_UP);
    }

    /** Where the circuit breaker counts failures: one provider endpoint may serve several models. */
    public String endpoint() {
        return provider.configName() + " " + baseUrl.orElse("(default)");
    }

    /** Without the API key: a record's own text would print it wherever an entry is logged. */
    @Override
    public String toString() {
        return "ModelEntry[" + name + ": " + modelId + " at " + endpoint() + (apiKey.isPresent() ? ", with a key" : "")
                + (local ? ", local" : "") + "]";
    }
}
