package dev.steward.bot.it.standin;

import dev.steward.homeserver.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The one stand-in Steward's tests may use: a model provider on loopback. No model weights or cloud APIs are
 * reachable where the tests run, so this server answers in the OpenAI and Ollama wire formats the real clients
 * parse, records every chat request, and fails or stalls on demand. Everything else in a test stays real.
 *
 * <p>Scripted behaviours ({@link #failNext}, {@link #stallNext}) are consumed one per chat request, before
 * {@link #failAlways}; model listings are never scripted, so a reachability check still passes while chats fail.
 * Listings come in the OpenAI ({@code GET /v1/models}, also Anthropic's shape), Ollama ({@code GET /api/tags}) and
 * Gemini ({@code GET /v1beta/models}) formats; {@link #requireKey} makes them refuse a wrong or missing key.
 */
public final class ModelStandIn implements AutoCloseable {
    private final String name;
    private final Vertx vertx;
    private final OpenAiFlavour openAi = new OpenAiFlavour();
    private final OllamaFlavour ollama = new OllamaFlavour();
    private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private final Queue<Behaviour> script = new ConcurrentLinkedQueue<>();
    private volatile Behaviour always = Behaviour.ANSWER;
    private volatile Function<JsonObject, String> answer;
    private volatile Duration chunkDelay = Duration.ZERO;
    private volatile List<String> listed;
    private volatile String requiredKey;
    private final AtomicInteger listings = new AtomicInteger();
    private HttpServer server;

    private ModelStandIn(String name) {
        this.name = name;
        this.vertx = Vertx.vertx();
        this.answer = request -> "answer from " + name;
        this.listed = List.of(name);
    }

    /** Starts a stand-in on a free loopback port; {@code name} is also the one model id it lists. */
    public static ModelStandIn start(String name) {
        ModelStandIn standIn = new ModelStandIn(Objects.requireNonNull(name, "name"));
        // Plain HTTP/1.1 like llama.cpp, vLLM and Ollama, so a JDK client's h2c upgrade attempt is simply ignored.
        HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false);
        try {
            standIn.server = Await.result(standIn.vertx.createHttpServer(options)
                    .requestHandler(standIn::handle)
                    .listen(0, "127.0.0.1"));
        } catch (RuntimeException | AssertionError e) {
            standIn.vertx.close();
            throw e;
        }
        return standIn;
    }

    /** Base URL for OpenAI-compatible clients, which append {@code /chat/completions}. */
    public String baseUrl() {
        return ollamaBaseUrl() + "/v1";
    }

    /** Base URL for Gemini clients, which append {@code /models}. */
    public String geminiBaseUrl() {
        return ollamaBaseUrl() + "/v1beta";
    }

    /** Base URL for Ollama clients, which append {@code /api/chat}. */
    public String ollamaBaseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public String name() {
        return name;
    }

    public ModelStandIn answerWith(String text) {
        Objects.requireNonNull(text, "text");
        return answerWith(request -> text);
    }

    /** Answers with whatever {@code answer} makes of each request body; if it throws, the client gets a 500. */
    public ModelStandIn answerWith(Function<JsonObject, String> answer) {
        this.answer = Objects.requireNonNull(answer, "answer");
        return this;
    }

    /**
     * Answers like a Llama Guard moderation model: {@code unsafe} and the category codes {@code judge} gives for the
     * text under review (the {@code User:} turn of Llama Guard's task prompt), or {@code safe} when it gives none.
     */
    public ModelStandIn answerLikeLlamaGuard(Function<String, java.util.Optional<String>> judge) {
        Objects.requireNonNull(judge, "judge");
        return answerWith(request -> judge.apply(underReview(echo(request)))
                .map(codes -> "unsafe\n" + codes).orElse("safe"));
    }

    /** The text a moderation prompt asks about: Llama Guard's conversation holds it as its one {@code User:} turn. */
    public static String underReview(String prompt) {
        int start = prompt.indexOf("\nUser: ");
        int end = prompt.indexOf("\n\n<END CONVERSATION>");
        return start < 0 || end < start ? prompt : prompt.substring(start + "\nUser: ".length(), end);
    }

    /** Waits this long between stream chunks, so tests can watch an answer arrive (or cancel it) part way. */
    public ModelStandIn chunkDelay(Duration delay) {
        this.chunkDelay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /** The model ids the listings name, instead of just the stand-in's name. */
    public ModelStandIn lists(String... modelIds) {
        this.listed = List.of(modelIds);
        return this;
    }

    /**
     * Listings answer 401 unless the request carries {@code key} the way one of the providers sends it
     * ({@code Authorization: Bearer}, {@code x-api-key} or {@code x-goog-api-key}); chats are not affected.
     */
    public ModelStandIn requireKey(String key) {
        this.requiredKey = Objects.requireNonNull(key, "key");
        return this;
    }

    /** How many model listings were asked for, answered or refused. */
    public int listingCount() {
        return listings.get();
    }

    /** The next chat request is answered with {@code status} and the provider's error body. */
    public ModelStandIn failNext(int status) {
        script.add(new Behaviour.Fail(status));
        return this;
    }

    /** The next chat request is read and never answered until {@link #close}. */
    public ModelStandIn stallNext() {
        script.add(Behaviour.STALL);
        return this;
    }

    /** Every chat request not already scripted fails with {@code status}, until {@link #recover}. */
    public ModelStandIn failAlways(int status) {
        always = new Behaviour.Fail(status);
        return this;
    }

    /** Back to answering normally: drops any scripted behaviours left and ends {@link #failAlways}. */
    public ModelStandIn recover() {
        script.clear();
        always = Behaviour.ANSWER;
        return this;
    }

    /** Bodies of every chat request received, in order, including the ones that were failed or stalled. */
    public List<JsonObject> requests() {
        return requests.stream().map(JsonObject::copy).toList();
    }

    public int chatCount() {
        return requests.size();
    }

    public JsonObject lastRequest() {
        List<JsonObject> snapshot = List.copyOf(requests);
        if (snapshot.isEmpty()) {
            throw new IllegalStateException("no chat request has reached the stand-in " + name);
        }
        return snapshot.getLast().copy();
    }

    /** Forgets the recorded requests; scripted behaviours and the answer stay. */
    public void clear() {
        requests.clear();
    }

    /** The text of the last user message in a chat body, in either flavour: {@code answerWith(ModelStandIn::echo)}. */
    public static String echo(JsonObject request) {
        JsonArray messages = request.getJsonArray("messages", new JsonArray());
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.getValue(i) instanceof JsonObject message && "user".equals(message.getString("role"))) {
                return Reply.contentText(message);
            }
        }
        return "";
    }

    /** Closes the server, which drops any stalled request and pooled client connection, then its Vert.x instance. */
    @Override
    public void close() {
        // No grace period: a plain close() waits up to 30 s for keep-alive connections that clients keep pooled.
        if (server != null) {
            Await.result(server.shutdown(0, TimeUnit.SECONDS));
        }
        // Awaited separately: a continuation chained on the server's future would run on an event loop that
        // vertx.close() has just stopped, and would never complete.
        Await.result(vertx.close());
    }

    private void handle(HttpServerRequest request) {
        switch (request.method().name() + " " + request.path()) {
            case "POST /v1/chat/completions" -> request.body().onSuccess(body -> chat(request, openAi, body));
            case "POST /api/chat" -> request.body().onSuccess(body -> chat(request, ollama, body));
            case "GET /v1/models" -> listing(request, openAi, openAi.models(listed));
            case "GET /api/tags" -> listing(request, ollama, ollama.tags(listed));
            case "GET /v1beta/models" -> listing(request, openAi, geminiModels(listed));
            default -> {
                JsonObject notFound = openAi.error(404);
                notFound.getJsonObject("error").put("message", "the stand-in has no " + request.method() + " "
                        + request.path()).put("code", "unknown_url");
                json(request.response(), 404, notFound);
            }
        }
    }

    private void listing(HttpServerRequest request, Flavour flavour, JsonObject listing) {
        listings.incrementAndGet();
        String key = requiredKey;
        if (key != null && !carries(request, key)) {
            json(request.response(), 401, flavour.error(401));
            return;
        }
        json(request.response(), 200, listing);
    }

    private static boolean carries(HttpServerRequest request, String key) {
        return ("Bearer " + key).equals(request.getHeader("Authorization"))
                || key.equals(request.getHeader("x-api-key"))
                || key.equals(request.getHeader("x-goog-api-key"));
    }

    /** Gemini's list of models, which names each as {@code models/<id>}; its chats are not stood in for. */
    private static JsonObject geminiModels(List<String> ids) {
        JsonArray models = new JsonArray();
        ids.forEach(id -> models.add(new JsonObject().put("name", "models/" + id).put("displayName", id)));
        return new JsonObject().put("models", models);
    }

    private void chat(HttpServerRequest request, Flavour flavour, Buffer raw) {
        JsonObject body;
        try {
            body = raw.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            // Not recorded and no behaviour consumed: a malformed body is a bug in the client, not a scripted case.
            json(request.response(), 400, flavour.error(400));
            return;
        }
        requests.add(body.copy());
        Behaviour behaviour = script.poll();
        switch (behaviour == null ? always : behaviour) {
            case Behaviour.Stall stall -> { /* keep the exchange open; close() ends it */ }
            case Behaviour.Fail failure -> fail(request.response(), flavour, failure.status());
            case Behaviour.Answer ok -> answer(request.response(), flavour, body);
        }
    }

    private void answer(HttpServerResponse response, Flavour flavour, JsonObject body) {
        String text;
        try {
            text = Objects.requireNonNull(answer.apply(body.copy()), "the answer function returned null");
        } catch (RuntimeException e) {
            fail(response, flavour, 500);
            return;
        }
        Reply reply = Reply.of("chatcmpl-standin-" + requests.size(), body.getString("model", name), text,
                flavour.maxTokens(body), body);
        if (!flavour.streams(body)) {
            json(response, 200, flavour.complete(reply));
            return;
        }
        response.setChunked(true).putHeader("content-type", flavour.streamContentType())
                .putHeader("cache-control", "no-cache");
        // A client that hangs up mid-stream only fails the remaining writes; there is nothing to report.
        writeFrames(response, flavour.frames(reply, body).iterator());
    }

    /** Writes each frame once the previous one has gone out, so they leave as separate chunks. */
    private Future<Void> writeFrames(HttpServerResponse response, Iterator<String> frames) {
        if (!frames.hasNext()) {
            return response.end();
        }
        Future<Void> written = response.write(frames.next());
        long delayMs = chunkDelay.toMillis();
        Future<Void> paced = delayMs <= 0 ? written : written.compose(v -> vertx.timer(delayMs));
        return paced.compose(v -> writeFrames(response, frames));
    }

    private static void fail(HttpServerResponse response, Flavour flavour, int status) {
        if (status == 429) {
            // Clients that honour Retry-After should wait one second; the shortest value the header can say.
            response.putHeader("retry-after", "1");
        }
        json(response, status, flavour.error(status));
    }

    private static void json(HttpServerResponse response, int status, JsonObject body) {
        response.setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
    }
}
