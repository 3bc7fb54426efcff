package dev.steward.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.bot.gateway.ModelEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads {@code models} (the configured models) and {@code routing} (the default route and its fallbacks). */
final class ModelsConfigReader {
    private ModelsConfigReader() {}

    static StewardConfig.Models read(ConfigReader reader) {
        List<ModelEntry> entries = new ArrayList<>();
        JsonNode list = reader.node("models");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            reader.problem("models must be a list of models");
        } else if (list.isArray()) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                entry(reader, "models[" + i + "]", list.get(i)).ifPresent(entry -> {
                    if (!names.add(entry.name())) {
                        reader.problem("models: the name '" + entry.name() + "' is used twice");
                    }
                    entries.add(entry);
                });
            }
        }
        Optional<String> defaultModel = Optional.ofNullable(reader.string("routing.default", null));
        List<String> fallbacks = reader.strings("routing.fallbacks", (path, name) -> { });
        Set<String> known = new HashSet<>(entries.stream().map(ModelEntry::name).toList());
        defaultModel.filter(name -> !known.contains(name)).ifPresent(name ->
                reader.problem("routing.default names no configured model: '" + name + "'"));
        fallbacks.stream().filter(name -> !known.contains(name)).forEach(name ->
                reader.problem("routing.fallbacks names no configured model: '" + name + "'"));
        if (defaultModel.isEmpty() && !entries.isEmpty()) {
            defaultModel = Optional.of(entries.get(0).name());
        }
        return new StewardConfig.Models(entries, defaultModel, fallbacks);
    }

    private static Optional<ModelEntry> entry(ConfigReader reader, String path, JsonNode node) {
        if (!node.isObject()) {
            reader.problem(path + " must be a mapping");
            return Optional.empty();
        }
        int before = reader.problems().size();
        Fields fields = new Fields(reader, path, node);
        String name = fields.text("name", null);
        String providerText = fields.text("provider", null);
        String modelId = fields.text("model_id", null);
        Optional<String> baseUrl = Optional.ofNullable(fields.text("base_url", null));
        Optional<String> apiKey = Optional.ofNullable(fields.text("api_key_env", null)).map(variable -> {
            String value = reader.environment().get(variable);
            if (value == null || value.isBlank()) {
                reader.problem(path + ".api_key_env names the environment variable " + variable + ", which is not set");
            }
            return value;
        });
        boolean local = fields.bool("local", false);
        boolean trustedRemote = fields.bool("trusted_remote", false);
        BigDecimal priceIn = fields.money("price_in");
        BigDecimal priceOut = fields.money("price_out");
        int contextWindow = (int) fields.number("context_window", 8192, 256, 10_000_000);
        long timeout = fields.number("timeout_seconds", 60, 1, 3600);
        int maxAnswer = (int) fields.number("max_answer_tokens", 1024, 1, 1_000_000);
        boolean stream = fields.bool("stream", true);
        fields.reportUnknown();
        ModelEntry.Provider provider = provider(reader, path, providerText);
        if (name == null || modelId == null) {
            reader.problem(path + " needs a name and a model_id");
        }
        if (provider == ModelEntry.Provider.OPENAI && baseUrl.isEmpty() && local) {
            reader.problem(path + ".base_url is needed for a local OpenAI-compatible server");
        } else if (local && provider != null) {
            LocalEndpoints.refusal(path, provider, baseUrl, trustedRemote).ifPresent(reader::problem);
        }
        if (reader.problems().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ModelEntry(name, provider, modelId, baseUrl, apiKey, local, priceIn, priceOut,
                contextWindow, Duration.ofSeconds(timeout), maxAnswer, stream));
    }

    private static ModelEntry.Provider provider(ConfigReader reader, String path, String text) {
        if (text == null) {
            reader.problem(path + ".provider is required: openai, ollama, anthropic or gemini");
            return null;
        }
        try {
            return ModelEntry.Provider.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reader.problem(path + ".provider must be openai, ollama, anthropic or gemini, got '" + text + "'");
            return null;
        }
    }

    /** The fields of one list entry, each reported under its path, unknown ones too. */
    private record Fields(ConfigReader reader, String path, JsonNode node) {
        private static final Set<String> KNOWN = Set.of("name", "provider", "model_id", "base_url", "api_key_env",
                "local", "trusted_remote", "price_in", "price_out", "context_window", "timeout_seconds",
                "max_answer_tokens", "stream");

        String text(String field, String fallback) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isValueNode()) {
                reader.problem(path + "." + field + " must be a text value");
                return fallback;
            }
            if (value.asText().contains(ConfigReader.PLACEHOLDER)) {
                reader.problem(path + "." + field + " still holds the example's placeholder " + ConfigReader.PLACEHOLDER);
            }
            return value.asText();
        }

        boolean bool(String field, boolean fallback) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isBoolean()) {
                reader.problem(path + "." + field + " must be true or false, got " + value);
                return fallback;
            }
            return value.asBoolean();
        }

        long number(String field, long fallback, long min, long max) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
                reader.problem(path + "." + field + " must be a whole number from " + min + " to " + max + ", got "
                        + value);
                return fallback;
            }
            return value.asLong();
        }

        BigDecimal money(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return BigDecimal.ZERO;
            }
            if (!value.isNumber() || value.decimalValue().signum() < 0) {
                reader.problem(path + "." + field + " must be a price of 0 or more per million tokens, got " + value);
                return BigDecimal.ZERO;
            }
            return value.decimalValue();
        }

        void reportUnknown() {
            node.fieldNames().forEachRemaining(field -> {
                if (!KNOWN.contains(field)) {
                    reader.problem(path + "." + field + " is not a known setting");
                }
            });
        }
    }
}
