package dev.steward.bot.it.standin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * OpenAI's chat completions format, which llama.cpp, vLLM and most hosted providers also speak. Field names and the
 * stream's shape follow the API reference closely, because the client under test is a real one that parses them.
 */
final class OpenAiFlavour implements Flavour {
    @Override
    public boolean streams(JsonObject request) {
        return request.getBoolean("stream", false);
    }

    @Override
    public OptionalInt maxTokens(JsonObject request) {
        // Newer clients send max_completion_tokens; older ones and most compatible servers use max_tokens.
        Integer max = request.getInteger("max_completion_tokens", request.getInteger("max_tokens"));
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    @Override
    public JsonObject complete(Reply reply) {
        return head(reply, "chat.completion")
                .put("choices", new JsonArray().add(new JsonObject()
                        .put("index", 0)
                        .put("message", new JsonObject().put("role", "assistant").put("content", reply.text()))
                        .put("finish_reason", reply.finishReason())))
                .put("usage", usage(reply));
    }

    @Override
    public String streamContentType() {
        return "text/event-stream";
    }

    @Override
    public List<String> frames(Reply reply, JsonObject request) {
        List<String> frames = new ArrayList<>();
        // OpenAI opens with the role and empty content; some clients rely on it to start the message.
        frames.add(event(chunk(reply, new JsonObject().put("role", "assistant").put("content", ""), null)));
        for (String piece : reply.pieces()) {
            frames.add(event(chunk(reply, new JsonObject().put("content", piece), null)));
        }
        frames.add(event(chunk(reply, new JsonObject(), reply.finishReason())));
        JsonObject options = request.getJsonObject("stream_options", new JsonObject());
        if (options.getBoolean("include_usage", false)) {
            frames.add(event(head(reply, "chat.completion.chunk")
                    .put("choices", new JsonArray())
                    .put("usage", usage(reply))));
        }
        frames.add("data: [DONE]\n\n");
        return frames;
    }

    @Override
    public JsonObject error(int status) {
        ApiError error = switch (status) {
            case 400 -> new ApiError("invalid_request_error", null, "Invalid request.");
            case 401 -> new ApiError("invalid_request_error", "invalid_api_key", "Incorrect API key provided.");
            case 404 -> new ApiError("invalid_request_error", "model_not_found", "The model does not exist.");
            case 429 -> new ApiError("requests", "rate_limit_exceeded", "Rate limit reached. Please try again in 1s.");
            case 503 -> new ApiError("server_error", "overloaded", "The engine is currently overloaded.");
            default -> new ApiError(status < 500 ? "invalid_request_error" : "server_error", null,
                    "The stand-in was told to fail with " + status + ".");
        };
        return new JsonObject().put("error", new JsonObject()
                .put("message", error.message()).put("type", error.type()).putNull("param").put("code", error.code()));
    }

    /** The answer to {@code GET /v1/models}, which clients use as a reachability check. */
    JsonObject models(List<String> ids) {
        JsonArray data = new JsonArray();
        ids.forEach(id -> data.add(new JsonObject()
                .put("id", id).put("object", "model").put("created", 0).put("owned_by", "steward-tests")));
        return new JsonObject().put("object", "list").put("data", data);
    }

    private static JsonObject chunk(Reply reply, JsonObject delta, String finishReason) {
        return head(reply, "chat.completion.chunk").put("choices", new JsonArray().add(new JsonObject()
                .put("index", 0).put("delta", delta).put("finish_reason", finishReason)));
    }

    private static JsonObject head(Reply reply, String object) {
        return new JsonObject()
                .put("id", reply.id())
                .put("object", object)
                .put("created", reply.created().getEpochSecond())
                .put("model", reply.model());
    }

    private static JsonObject usage(Reply reply) {
        return new JsonObject()
                .put("prompt_tokens", reply.promptTokens())
                .put("completion_tokens", reply.completionTokens())
                .put("total_tokens", reply.totalTokens());
    }

    private static String event(JsonObject data) {
        return "data: " + data.encode() + "\n\n";
    }

    /** The type and code OpenAI sends with each status, which clients use to tell retryable errors apart. */
    private record ApiError(String type, String code, String message) {}
}
