package dev.steward.bot.it.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in seen from a plain JDK HTTP client, the way a provider client library would see it. */
class ModelStandInTest {
    private static final String ANSWER = "answer from alpha";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ModelStandIn standIn;

    @BeforeEach
    void start() {
        standIn = ModelStandIn.start("alpha");
    }

    @AfterEach
    void close() {
        standIn.close();
    }

    @Test
    void openAiAnswersWithACompletionAndItsUsage() throws Exception {
        HttpResponse<String> response = post(standIn.baseUrl() + "/chat/completions", chat("gpt-test", "hello there"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getString("object")).isEqualTo("chat.completion");
        assertThat(body.getString("id")).isNotBlank();
        assertThat(body.getLong("created")).isPositive();
        assertThat(body.getString("model")).isEqualTo("gpt-test");
        JsonObject choice = body.getJsonArray("choices").getJsonObject(0);
        assertThat(choice.getJsonObject("message").getString("role")).isEqualTo("assistant");
        assertThat(choice.getJsonObject("message").getString("content")).isEqualTo(ANSWER);
        assertThat(choice.getString("finish_reason")).isEqualTo("stop");
        // "be brief" + "hello there" is four words in; the answer is three words out.
        assertThat(body.getJsonObject("usage")).isEqualTo(new JsonObject()
                .put("prompt_tokens", 4).put("completion_tokens", 3).put("total_tokens", 7));
    }

    @Test
    void openAiStreamsChunksThatMakeUpTheAnswerThenUsageThenDone() throws Exception {
        JsonObject request = chat("gpt-test", "hello").put("stream", true)
                .put("stream_options", new JsonObject().put("include_usage", true));

        HttpResponse<String> response = post(standIn.baseUrl() + "/chat/completions", request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        List<String> data = sseData(response.body());
        assertThat(data.getLast()).isEqualTo("[DONE]");
        List<JsonObject> chunks = data.subList(0, data.size() - 1).stream().map(JsonObject::new).toList();
        assertThat(chunks).allSatisfy(c -> assertThat(c.getString("object")).isEqualTo("chat.completion.chunk"));
        assertThat(contentChunks(chunks)).hasSizeGreaterThan(1);
        assertThat(String.join("", contentChunks(chunks))).isEqualTo(ANSWER);
        assertThat(chunks.stream().map(c -> c.getJsonArray("choices")).filter(c -> !c.isEmpty())
                .map(c -> c.getJsonObject(0).getString("finish_reason"))).last().isEqualTo("stop");
        assertThat(chunks.getLast().getJsonArray("choices")).isEmpty();
        assertThat(chunks.getLast().getJsonObject("usage").getInteger("completion_tokens")).isEqualTo(3);
    }

    @Test
    void aPacedStreamStillDeliversEveryChunkAndNoUsageUnlessAsked() throws Exception {
        standIn.chunkDelay(Duration.ofMillis(20));

        HttpResponse<String> response = post(standIn.baseUrl() + "/chat/completions",
                chat("gpt-test", "hello").put("stream", true));

        List<String> data = sseData(response.body());
        assertThat(data.getLast()).isEqualTo("[DONE]");
        List<JsonObject> chunks = data.subList(0, data.size() - 1).stream().map(JsonObject::new).toList();
        assertThat(String.join("", contentChunks(chunks))).isEqualTo(ANSWER);
        assertThat(chunks).noneMatch(c -> c.containsKey("usage"));
    }

    @Test
    void listsItsModelForReachabilityChecks() throws Exception {
        JsonObject models = new JsonObject(get(standIn.baseUrl() + "/models").body());
        JsonObject tags = new JsonObject(get(standIn.ollamaBaseUrl() + "/api/tags").body());

        assertThat(models.getString("object")).isEqualTo("list");
        assertThat(models.getJsonArray("data").getJsonObject(0).getString("id")).isEqualTo("alpha");
        assertThat(models.getJsonArray("data").getJsonObject(0).getString("object")).isEqualTo("model");
        assertThat(tags.getJsonArray("models").getJsonObject(0).getString("name")).isEqualTo("alpha");
        assertThat(standIn.chatCount()).as("listings are not chat requests").isZero();
    }

    @Test
    void listingsNameTheGivenModelsAndRefuseAMissingOrWrongKeyWhenOneIsRequired() throws Exception {
        standIn.lists("llama3:latest", "qwen").requireKey("sk-right");

        int noKey = get(standIn.baseUrl() + "/models").statusCode();
        int wrongKey = get(standIn.ollamaBaseUrl() + "/api/tags", "Authorization", "Bearer sk-wrong").statusCode();
        int anthropicStyle = get(standIn.baseUrl() + "/models", "x-api-key", "sk-right").statusCode();
        JsonObject gemini = new JsonObject(get(standIn.geminiBaseUrl() + "/models", "x-goog-api-key", "sk-right")
                .body());

        assertThat(List.of(noKey, wrongKey, anthropicStyle)).containsExactly(401, 401, 200);
        assertThat(gemini.getJsonArray("models").stream().map(model -> ((JsonObject) model).getString("name")))
                .containsExactly("models/llama3:latest", "models/qwen");
        assertThat(standIn.listingCount()).isEqualTo(4);
        assertThat(standIn.chatCount()).isZero();
    }

    @Test
    void ollamaAnswersInOneBodyWhenStreamIsFalse() throws Exception {
        HttpResponse<String> response = post(standIn.ollamaBaseUrl() + "/api/chat",
                chat("llama-test", "hello there").put("stream", false));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getString("model")).isEqualTo("llama-test");
        assertThat(body.getString("created_at")).isNotBlank();
        assertThat(body.getJsonObject("message")).isEqualTo(
                new JsonObject().put("role", "assistant").put("content", ANSWER));
        assertThat(body.getBoolean("done")).isTrue();
        assertThat(body.getInteger("prompt_eval_count")).isEqualTo(4);
        assertThat(body.getInteger("eval_count")).isEqualTo(3);
    }

    @Test
    void ollamaStreamsNdjsonLinesByDefault() throws Exception {
        HttpResponse<String> response = post(standIn.ollamaBaseUrl() + "/api/chat", chat("llama-test", "hello"));

        assertThat(response.headers().firstValue("content-type")).hasValue("application/x-ndjson");
        List<JsonObject> lines = response.body().lines().map(JsonObject::new).toList();
        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(lines.stream().map(l -> l.getJsonObject("message").getString("content")))
                .containsExactly("answer ", "from ", "alpha", "");
        assertThat(lines.subList(0, lines.size() - 1)).noneMatch(l -> l.getBoolean("done"));
        assertThat(lines.getLast().getBoolean("done")).isTrue();
        assertThat(lines.getLast().getInteger("eval_count")).isEqualTo(3);
    }

    @Test
    void recordsChatBodiesInOrderUntilCleared() throws Exception {
        post(standIn.baseUrl() + "/chat/completions", chat("first", "one"));
        post(standIn.ollamaBaseUrl() + "/api/chat", chat("second", "two").put("stream", false));

        assertThat(standIn.chatCount()).isEqualTo(2);
        assertThat(standIn.requests()).extracting(r -> r.getString("model")).containsExactly("first", "second");
        assertThat(standIn.lastRequest()).isEqualTo(chat("second", "two").put("stream", false));
        standIn.requests().getFirst().put("model", "tampered");
        assertThat(standIn.requests().getFirst().getString("model")).as("callers get copies").isEqualTo("first");

        standIn.clear();

        assertThat(standIn.requests()).isEmpty();
        assertThatThrownBy(standIn::lastRequest).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void answersWithWhatTheTestSays() throws Exception {
        standIn.answerWith(ModelStandIn::echo);
        String echoed = content(post(standIn.baseUrl() + "/chat/completions", chat("m", "say this back")));
        standIn.answerWith("fixed text");
        String fixed = content(post(standIn.baseUrl() + "/chat/completions", chat("m", "anything")));

        assertThat(echoed).isEqualTo("say this back");
        assertThat(fixed).isEqualTo("fixed text");
    }

    @Test
    void aTokenCapCutsTheAnswerShortWithFinishReasonLength() throws Exception {
        JsonObject body = new JsonObject(post(standIn.baseUrl() + "/chat/completions",
                chat("m", "hello").put("max_tokens", 2)).body());

        JsonObject choice = body.getJsonArray("choices").getJsonObject(0);
        assertThat(choice.getJsonObject("message").getString("content")).isEqualTo("answer from ");
        assertThat(choice.getString("finish_reason")).isEqualTo("length");
    }

    @Test
    void failNextFailsOneRequestWithAnOpenAiErrorThenAnswersNormally() throws Exception {
        standIn.failNext(500);

        HttpResponse<String> failed = post(standIn.baseUrl() + "/chat/completions", chat("m", "hello"));
        HttpResponse<String> next = post(standIn.baseUrl() + "/chat/completions", chat("m", "hello"));

        assertThat(failed.statusCode()).isEqualTo(500);
        JsonObject error = new JsonObject(failed.body()).getJsonObject("error");
        assertThat(error.getString("type")).isEqualTo("server_error");
        assertThat(error.getString("message")).isNotBlank();
        assertThat(error.containsKey("code")).isTrue();
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(content(next)).isEqualTo(ANSWER);
        assertThat(standIn.chatCount()).as("failed requests are recorded too").isEqualTo(2);
    }

    @Test
    void aRateLimitSaysWhenToRetry() throws Exception {
        standIn.failNext(429);

        HttpResponse<String> response = post(standIn.baseUrl() + "/chat/completions", chat("m", "hello"));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("1");
        assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
                .isEqualTo("rate_limit_exceeded");
    }

    @Test
    void failAlwaysFailsEveryChatUntilRecovered() throws Exception {
        standIn.failAlways(503);

        int first = post(standIn.baseUrl() + "/chat/completions", chat("m", "a")).statusCode();
        int second = post(standIn.ollamaBaseUrl() + "/api/chat", chat("m", "b")).statusCode();
        int listing = get(standIn.baseUrl() + "/models").statusCode();
        standIn.recover();
        int recovered = post(standIn.baseUrl() + "/chat/completions", chat("m", "c")).statusCode();

        assertThat(List.of(first, second, listing, recovered)).containsExactly(503, 503, 200, 200);
    }

    @Test
    void stallNextMakesTheClientTimeOutThenTheNextRequestIsAnswered() throws Exception {
        standIn.stallNext();
        HttpRequest stalled = HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(1))
                .POST(HttpRequest.BodyPublishers.ofString(chat("m", "hello").encode()))
                .build();

        assertThatThrownBy(() -> HTTP.send(stalled, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        HttpResponse<String> next = post(standIn.baseUrl() + "/chat/completions", chat("m", "hello"));

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(content(next)).isEqualTo(ANSWER);
        assertThat(standIn.chatCount()).isEqualTo(2);
    }

    private static JsonObject chat(String model, String userText) {
        return new JsonObject().put("model", model).put("messages", new JsonArray()
                .add(new JsonObject().put("role", "system").put("content", "be brief"))
                .add(new JsonObject().put("role", "user").put("content", userText)));
    }

    private static HttpResponse<String> post(String url, JsonObject body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String header, String value)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header(header, value)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String content(HttpResponse<String> response) {
        return new JsonObject(response.body()).getJsonArray("choices").getJsonObject(0)
                .getJsonObject("message").getString("content");
    }

    /** The payloads of a server-sent event stream's {@code data:} lines, in order. */
    private static List<String> sseData(String stream) {
        return stream.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring("data: ".length())).toList();
    }

    private static List<String> contentChunks(List<JsonObject> chunks) {
        return chunks.stream().map(c -> c.getJsonArray("choices")).filter(c -> !c.isEmpty())
                .map(c -> c.getJsonObject(0).getJsonObject("delta").getString("content"))
                .filter(text -> text != null && !text.isEmpty()).toList();
    }
}
