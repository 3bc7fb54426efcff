package dev.steward.bot.gateway;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** Configured models for gateway tests, with the defaults the config loader would give. */
final class Models {
    private Models() {}

    static ModelEntry entry(String name, ModelEntry.Provider provider, String modelId, String baseUrl, String apiKey) {
        return new ModelEntry(name, provider, modelId, Optional.ofNullable(baseUrl), Optional.ofNullable(apiKey),
                false, BigDecimal.ZERO, BigDecimal.ZERO, 8192, Duration.ofSeconds(60), 1024, true);
    }

    static ModelEntry local(String name, ModelEntry.Provider provider, String modelId, String baseUrl) {
        return new ModelEntry(name, provider, modelId, Optional.of(baseUrl), Optional.empty(), true, BigDecimal.ZERO,
                BigDecimal.ZERO, 8192, Duration.ofSeconds(60), 1024, true);
    }
}
