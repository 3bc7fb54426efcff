package dev.steward.bot.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A provider's list of models: where it is, how to ask for it with the model's key, and how to read the answer.
 * Listing models costs no tokens, so it is how Steward checks that a provider answers. Pure.
 *
 * <p>The URLs are built the way LangChain4j 1.17 builds its chat URLs (the base URL with one trailing slash
 * dropped, then the path), from the same defaults, so the check reaches the server the chats go to.
 *
 * @param headers what the request carries, the API key among them: never log them
 */
record ModelListing(ModelEntry.Provider provider, String url, Map<String, String> headers) {
    // LangChain4j's own defaults: OpenAiUtils.DEFAULT_OPENAI_URL, AnthropicChatModel, GeminiService.
    static final String OPENAI_URL = "https://api.openai.com/v1";
    static final String ANTHROPIC_URL = "https://api.anthropic.com/v1";
    static final String GEMINI_URL = "https://generativelanguage.googleapis.com/v1beta";
    /** The API version LangChain4j's Anthropic client sends by default. */
    static final String ANTHROPIC_VERSION = "2023-06-01";

    ModelListing {
        headers = Map.copyOf(headers);
    }

    static ModelListing of(ModelEntry model) {
        Map<String, String> headers = new LinkedHashMap<>();
        Optional<String> key = model.apiKey();
        return switch (model.provider()) {
            case OPENAI -> {
                key.ifPresent(value -> headers.put("Authorization", "Bearer " + value));
                yield new ModelListing(model.provider(), join(model, OPENAI_URL, "models"), headers);
            }
            case OLLAMA -> new ModelListing(model.provider(), join(model, ProviderFactory.OLLAMA_URL, "api/tags"),
                    headers);
            case ANTHROPIC -> {
                key.ifPresent(value -> headers.put("x-api-key", value));
                headers.put("anthropic-version", ANTHROPIC_VERSION);
                // Twenty models a page by default; one page of the most it allows is every model there is.
                yield new ModelListing(model.provider(), join(model, ANTHROPIC_URL, "models?limit=1000"), headers);
            }
            case GEMINI -> {
                // The header, not ?key=: a URL ends up in logs and error messages, a header does not.
                key.ifPresent(value -> headers.put("x-goog-api-key", value));
                yield new ModelListing(model.provider(), join(model, GEMINI_URL, "models?pageSize=1000"), headers);
            }
        };
    }

    private static String join(ModelEntry model, String defaultUrl, String path) {
        String base = model.baseUrl().orElse(defaultUrl);
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + path;
    }

    /** The model ids a listing names, or empty when the body is not a listing of this provider. */
    Optional<Set<String>> ids(Buffer body) {
        JsonObject json;
        try {
            json = body == null ? null : body.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return Optional.empty();
        }
        String field = switch (provider) {
            case OPENAI, ANTHROPIC -> "data";
            case OLLAMA, GEMINI -> "models";
        };
        if (json == null || !(json.getValue(field) instanceof JsonArray entries)) {
            return Optional.empty();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Object entry : entries) {
            if (entry instanceof JsonObject model) {
                switch (provider) {
                    case OPENAI, ANTHROPIC -> addText(ids, model.getValue("id"));
                    case OLLAMA -> {
                        addText(ids, model.getValue("name"));
                        addText(ids, model.getValue("model"));
                    }
                    case GEMINI -> addText(ids, model.getValue("name"));
                }
            }
        }
        return Optional.of(ids);
    }

    private static void addText(Set<String> ids, Object value) {
        if (value instanceof String text) {
            ids.add(text);
        }
    }

    /** Whether the listing's ids name the model a chat would ask for. */
    boolean names(Set<String> ids, String modelId) {
        return switch (provider) {
            case OPENAI, ANTHROPIC -> ids.contains(modelId);
            // Ollama lists "llama3:latest" for a model pulled, and chatted with, as "llama3".
            case OLLAMA -> ids.contains(modelId) || !modelId.contains(":") && ids.contains(modelId + ":latest");
            // Gemini lists "models/gemini-2.0-flash"; LangChain4j puts the configured id after ".../models/".
            case GEMINI -> ids.contains("models/" + modelId);
        };
    }

    /** Without the headers, which carry the key. */
    @Override
    public String toString() {
        return provider.configName() + " " + url;
    }
}
