package dev.steward.bot.gateway;

import static dev.steward.bot.gateway.ModelEntry.Provider.ANTHROPIC;
import static dev.steward.bot.gateway.ModelEntry.Provider.GEMINI;
import static dev.steward.bot.gateway.ModelEntry.Provider.OLLAMA;
import static dev.steward.bot.gateway.ModelEntry.Provider.OPENAI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.bot.gateway.ModelReachability.Outcome;
import dev.steward.bot.it.standin.ModelStandIn;
import dev.steward.homeserver.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asking providers for their model lists, against the stand-in on loopback: what {@code !status} will say. */
class ProviderCheckTest {
    private static Vertx vertx;
    private static ProviderCheck check;
    private ModelStandIn server;

    @BeforeAll
    static void client() {
        vertx = Vertx.vertx();
        check = new ProviderCheck(WebClient.create(vertx));
    }

    @AfterAll
    static void closeClient() {
        Await.result(vertx.close());
    }

    @BeforeEach
    void start() {
        server = ModelStandIn.start("llama").lists("llama", "qwen2:latest");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<ModelReachability> check(ModelEntry... models) {
        return Await.result(check.check(List.of(models)));
    }

    @Test
    void openAiCompatibleAndOllamaServersThatListTheModelAreReachable() {
        List<ModelReachability> results = check(
                Models.local("local-small", OPENAI, "llama", server.baseUrl()),
                Models.local("local-ollama", OLLAMA, "qwen2", server.ollamaBaseUrl()));

        assertThat(results).extracting(ModelReachability::model, ModelReachability::reachable,
                        ModelReachability::problem, ModelReachability::outcome)
                .containsExactly(
                        tuple("local-small", true, Optional.empty(),
                                new Outcome.Listed(Optional.of(true))),
                        tuple("local-ollama", true, Optional.empty(),
                                new Outcome.Listed(Optional.of(true))));
        assertThat(results).extracting(ModelReachability::url)
                .containsExactly(server.baseUrl() + "/models", server.ollamaBaseUrl() + "/api/tags");
        assertThat(server.chatCount()).as("a check spends no tokens").isZero();
    }

    @Test
    void aModelTheServerDoesNotListIsReachableButSaysSo() {
        ModelReachability result = check(Models.entry("cloud-big", OPENAI, "gpt-5", server.baseUrl(), null)).getFirst();

        assertThat(result.reachable()).isTrue();
        assertThat(result.problem()).hasValue("the server does not list gpt-5");
    }

    @Test
    void aClosedPortIsNotReachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        ModelReachability result = check(Models.entry("gone", OLLAMA, "llama", "http://127.0.0.1:" + closed, null))
                .getFirst();

        assertThat(result.reachable()).isFalse();
        assertThat(result.problem()).hasValue("connection refused");
    }

    @Test
    void eachProviderSendsTheKeyTheWayItsApiExpectsAndARefusedKeyIsReachableButSaidSo() {
        server.requireKey("sk-right");

        List<ModelReachability> results = check(
                Models.entry("openai", OPENAI, "llama", server.baseUrl(), "sk-right"),
                Models.entry("anthropic", ANTHROPIC, "llama", server.baseUrl(), "sk-right"),
                Models.entry("gemini", GEMINI, "llama", server.geminiBaseUrl(), "sk-right"),
                Models.entry("wrong-key", OPENAI, "llama", server.baseUrl(), "sk-wrong"),
                Models.entry("no-key", OPENAI, "llama", server.baseUrl(), null));

        assertThat(results).allMatch(ModelReachability::reachable);
        assertThat(results).extracting(ModelReachability::model, result -> result.problem().orElse("ok"))
                .containsExactly(tuple("openai", "ok"), tuple("anthropic", "ok"), tuple("gemini", "ok"),
                        tuple("wrong-key", "the API key is refused (HTTP 401)"),
                        tuple("no-key", "it wants an API key (HTTP 401; set api_key_env)"));
        assertThat(results.get(3).outcome()).isEqualTo(new Outcome.KeyRefused(401, true));
        assertThat(results.toString()).as("no key in the results or their URLs").doesNotContain("sk-");
    }

    @Test
    void aBaseUrlWithoutItsApiPathAnswersWithAnErrorOrSomethingElse() {
        List<ModelReachability> results = check(
                // OpenAI-compatible servers serve under /v1; forgetting it is the usual slip.
                Models.entry("no-v1", OPENAI, "llama", server.ollamaBaseUrl(), null),
                // A Gemini model pointed at an OpenAI-compatible server gets a list in the other shape.
                Models.entry("wrong-kind", GEMINI, "llama", server.ollamaBaseUrl() + "/v1", null));

        assertThat(results).allMatch(ModelReachability::reachable);
        assertThat(results).extracting(result -> result.problem().orElseThrow()).containsExactly(
                "its model list answered HTTP 404", "its model list could not be read");
    }

    @Test
    void modelsOnOneServerWithOneKeyShareOneRequestAndKeepTheirOrder() {
        List<ModelReachability> results = check(
                Models.local("first", OPENAI, "llama", server.baseUrl()),
                Models.local("second", OPENAI, "qwen2:latest", server.baseUrl()),
                Models.local("third", OPENAI, "mistral", server.baseUrl()));

        assertThat(results).extracting(ModelReachability::model).containsExactly("first", "second", "third");
        assertThat(results).extracting(result -> result.problem().orElse("ok"))
                .containsExactly("ok", "ok", "the server does not list mistral");
        assertThat(server.listingCount()).isEqualTo(1);
    }
}
