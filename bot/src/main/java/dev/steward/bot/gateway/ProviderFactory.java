package dev.steward.bot.gateway;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds a LangChain4j chat model for a configured entry. Retries are off in every provider: Steward decides what
 * happens after a failure (the next model of the route, and the circuit breaker), so a slow provider is not tried
 * three times before the fallback gets its turn.
 */
public final class ProviderFactory {
    /** Ollama's own default address; the other providers' defaults are LangChain4j's (see {@link ModelListing}). */
    static final String OLLAMA_URL = "http://127.0.0.1:11434";

    private ProviderFactory() {}

    public static ChatModel build(ModelEntry entry) {
        return switch (entry.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(entry.baseUrl().orElse(null))
                    // OpenAI-compatible local servers (llama.cpp, vLLM) take any key; the client insists on one.
                    .apiKey(entry.apiKey().orElse("not-needed"))
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
