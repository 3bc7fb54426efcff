package dev.steward.bot.gateway;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Builds the LangChain4j model for a configured entry: the streaming one unless the entry says {@code stream: false}.
 * Retries are off in every provider: Steward decides what happens after a failure (the next model of the route, and
 * the circuit breaker), so a slow provider is not tried three times before the fallback gets its turn.
 */
public final class ProviderFactory {
    /** Ollama's own default address; the other providers' defaults are LangChain4j's (see {@link ModelListing}). */
    static final String OLLAMA_URL = "http://127.0.0.1:11434";
    // OpenAI-compatible local servers (llama.cpp, vLLM) take any key; the client insists on one.
    private static final String ANY_KEY = "not-needed";
    // "unsafe\nS1,S10" is the longest verdict a Llama Guard model gives.
    private static final int MODERATION_TOKENS = 20;

    private ProviderFactory() {}

    static ModelClient build(ModelEntry entry) {
        return entry.stream() ? new StreamingClient(streaming(entry), entry.timeout())
                : new BlockingClient(blocking(entry));
    }

    /** A blocking client for a moderation model: a verdict is a few words, and it must come within {@code timeout}. */
    static ChatModel moderation(ModelEntry entry, java.time.Duration timeout) {
        return blocking(new ModelEntry(entry.name(), entry.provider(), entry.modelId(), entry.baseUrl(),
                entry.apiKey(), entry.local(), entry.pricePerMillionIn(), entry.pricePerMillionOut(),
                entry.contextWindow(), timeout, MODERATION_TOKENS, false));
    }

    private static StreamingChatModel streaming(ModelEntry entry) {
        return switch (entry.provider()) {
            case OPENAI -> OpenAiStreamingChatModel.builder()
                    .baseUrl(entry.baseUrl().orElse(null))
                    .apiKey(entry.apiKey().orElse(ANY_KEY))
                    .modelName(entry.modelId())
                    .timeout(entry.timeout())
                    .maxTokens(entry.maxAnswerTokens())
                    .build();
            case OLLAMA -> OllamaStreamingChatModel.builder()
                    .baseUrl(entry.baseUrl().orElse(OLLAMA_URL))
                    .modelName(entry.modelId())
                    .timeout(entry.timeout())
                    .numPredict(entry.maxAnswerTokens())
                    .build();
            case ANTHROPIC -> AnthropicStreamingChatModel.builder()
                    .baseUrl(entry.baseUrl().orElse(null))
                    .apiKey(entry.apiKey().orElse(null))
                    .modelName(entry.modelId())
                    .timeout(entry.timeout())
                    .maxTokens(entry.maxAnswerTokens())
                    .build();
            case GEMINI -> GoogleAiGeminiStreamingChatModel.builder()
                    .baseUrl(entry.baseUrl().orElse(null))
                    .apiKey(entry.apiKey().orElse(null))
                    .modelName(entry.modelId())
                    .timeout(entry.timeout())
                    .maxOutputTokens(entry.maxAnswerTokens())
                    .build();
        };
    }

    private static ChatModel blocking(ModelEntry entry) {
        return switch (entry.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(entry.baseUrl().orElse(null))
                    .apiKey(entry.apiKey().orElse(ANY_KEY))
                    .modelName(entry.modelId())
                    .timeout(entry.timeout())
                    .maxTokens(entry.maxAnswerTokens())
                    .maxRetries(0)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(entry.baseUrl().orElse(OLLAMA_URL))
                    .modelName(entry.modelId())
                    .timeout(entry.timeout())
                    .numPredict(entry.maxAnswerTokens())
                    .maxRetries(0)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .baseUrl(entry.baseUrl().orElse(null))
                    .apiKey(entry.apiKey().orElse(null))
                    .modelName(entry.modelId())
                    .timeout(entry.timeout())
                    .maxTokens(entry.maxAnswerTokens())
                    .maxRetries(0)
                    .build();
            case GEMINI -> GoogleAiGeminiChatModel.builder()
                    .baseUrl(entry.baseUrl().orElse(null))
                    .apiKey(entry.apiKey().orElse(null))
                    .modelName(entry.modelId())
                    .timeout(entry.timeout())
                    .maxOutputTokens(entry.maxAnswerTokens())
                    .maxRetries(0)
                    .build();
        };
    }
}
