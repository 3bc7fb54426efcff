package dev.steward.bot.it.standin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Ollama's native chat API: newline-delimited JSON when streaming, which is its default. */
final class OllamaFlavour implements Flavour {
    @Override
    public boolean streams(JsonObject request) {
        // Unlike OpenAI, Ollama streams unless the client says "stream": false.
        return request.getBoolean("stream", true);
    }

    @Override
    public OptionalInt maxTokens(JsonObject request) {
        Integer max = request.getJsonObject("options", new JsonObject()).getInteger("num_predict");
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    @Override
    public JsonObject complete(Reply reply) {
        return done(reply, reply.text());
    }

    @Override
    public String streamContentType() {
        return "application/x-ndjson";
    }

    @Override
    public List<String> frames(Reply reply, JsonObject request) {
        List<String> frames = new ArrayList<>();
        for (String piece : reply.pieces()) {
            frames.add(head(reply).put("message", message(piece)).put("done", false).encode() + "\n");
        }
        // The last line carries no text, only the end and the counts, as Ollama's does.
        frames.add(done(reply, "").encode() + "\n");
        return frames;
    }

    @Override
    public JsonObject error(int status) {
        // Ollama answers errors with a bare string, not OpenAI's object.
        return new JsonObject().put("error", "the stand-in was told to fail with " + status);
    }

    /** The answer to {@code GET /api/tags}, Ollama's list of pulled models. */
    JsonObject tags(List<String> ids) {
        JsonArray models = new JsonArray();
        ids.forEach(id -> models.add(new JsonObject().put("name", id).put("model", id).put("size", 0)));
        return new JsonObject().put("models", models);
    }

    private static JsonObject done(Reply reply, String content) {
        return head(reply)
                .put("message", message(content))
                .put("done", true)
                .put("done_reason", reply.finishReason())
                .put("prompt_eval_count", reply.promptTokens())
                .put("eval_count", reply.completionTokens());
    }

    private static JsonObject head(Reply reply) {
        return new JsonObject().put("model", reply.model()).put("created_at", reply.created().toString());
    }

    private static JsonObject message(String content) {
        return new JsonObject().put("role", "assistant").put("content", content);
    }
}
