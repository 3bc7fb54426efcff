package dev.steward.bot.gateway;

import static dev.steward.bot.gateway.ModelEntry.Provider.ANTHROPIC;
import static dev.steward.bot.gateway.ModelEntry.Provider.GEMINI;
import static dev.steward.bot.gateway.ModelEntry.Provider.OLLAMA;
import static dev.steward.bot.gateway.ModelEntry.Provider.OPENAI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where each provider lists its models, with which headers, and how a listing names a configured model. */
class ModelListingTest {
    static List<Arguments> requests() {
        return List.of(
                argumentSet("OpenAI by default, with the key as a bearer token",
                        Models.entry("m", OPENAI, "gpt", null, "sk-1"), "https://api.openai.com/v1/models",
                        Map.of("Authorization", "Bearer sk-1")),
                argumentSet("an OpenAI-compatible server without a key sends none",
                        Models.entry("m", OPENAI, "llama", "http://10.0.0.5:8080/v1", null),
                        "http://10.0.0.5:8080/v1/models", Map.of()),
                argumentSet("one trailing slash on the base URL is dropped, as LangChain4j does",
                        Models.entry("m", OPENAI, "llama", "http://10.0.0.5:8080/v1/", null),
                        "http://10.0.0.5:8080/v1/models", Map.of()),
                argumentSet("Ollama on this machine by default",
                        Models.entry("m", OLLAMA, "llama3", null, null), "http://127.0.0.1:11434/api/tags", Map.of()),
                argumentSet("Anthropic: the key and the API version in headers, every model on one page",
                        Models.entry("m", ANTHROPIC, "claude", null, "sk-ant"),
                        "https://api.anthropic.com/v1/models?limit=1000",
                        Map.of("x-api-key", "sk-ant", "anthropic-version", "2023-06-01")),
                argumentSet("Gemini: the key in a header, never in the URL",
                        Models.entry("m", GEMINI, "gemini-2.0-flash", null, "AIza-secret"),
                        "https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000",
                        Map.of("x-goog-api-key", "AIza-secret")));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void theRequest(ModelEntry model, String url, Map<String, String> headers) {
        ModelListing listing = ModelListing.of(model);

        assertThat(listing.url()).isEqualTo(url);
        assertThat(listing.headers()).isEqualTo(headers);
    }

    static List<Arguments> listings() {
        return List.of(
                argumentSet("OpenAI names ids", OPENAI, """
                        {"object": "list", "data": [{"id": "gpt-4o"}, {"id": "gpt-4o-mini"}]}""", "gpt-4o-mini",
                        Optional.of(true)),
                argumentSet("OpenAI without the id", OPENAI, """
                        {"object": "list", "data": [{"id": "gpt-4o"}]}""", "gpt-4o-mini", Optional.of(false)),
                argumentSet("Anthropic names ids", ANTHROPIC, """
                        {"data": [{"type": "model", "id": "claude-sonnet-4-5"}], "has_more": false}""",
                        "claude-sonnet-4-5", Optional.of(true)),
                argumentSet("Ollama lists an untagged model as :latest", OLLAMA, """
                        {"models": [{"name": "llama3:latest", "model": "llama3:latest"}]}""", "llama3",
                        Optional.of(true)),
                argumentSet("Ollama: another tag is another model", OLLAMA, """
                        {"models": [{"name": "llama3:latest", "model": "llama3:latest"}]}""", "llama3:70b",
                        Optional.of(false)),
                argumentSet("Gemini prefixes models/", GEMINI, """
                        {"models": [{"name": "models/gemini-2.0-flash"}]}""", "gemini-2.0-flash",
                        Optional.of(true)),
                argumentSet("an HTML page is no listing", OPENAI, "<html>It works!</html>", "gpt", Optional.empty()),
                argumentSet("another provider's shape is no listing", OLLAMA, """
                        {"object": "list", "data": [{"id": "llama3"}]}""", "llama3", Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("listings")
    void whetherAListingNamesTheModel(ModelEntry.Provider provider, String body, String modelId,
            Optional<Boolean> named) {
        ModelListing listing = ModelListing.of(Models.entry("m", provider, modelId, "http://127.0.0.1:1", null));

        Optional<Set<String>> ids = listing.ids(Buffer.buffer(body));

        assertThat(ids.map(listed -> listing.names(listed, modelId))).isEqualTo(named);
    }

    @Test
    void theKeyIsNotInTheListingsText() {
        ModelListing listing = ModelListing.of(Models.entry("m", OPENAI, "gpt", null, "sk-secret"));

        assertThat(listing).hasToString("openai https://api.openai.com/v1/models");
    }
}
