package dev.steward.bot.it.standin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * One answer, worked out once from the request and rendered by either flavour. Tokens are counted as words: nothing
 * here tokenises like a real model, but the counts are stable, so tests can assert them exactly.
 *
 * @param pieces the answer split after each run of whitespace, so the pieces concatenate back to {@code text}
 * @param finishReason {@code stop}, or {@code length} when the client's token cap cut the answer short
 */
record Reply(String id, String model, Instant created, String text, List<String> pieces, String finishReason,
        int promptTokens) {

    static Reply of(String id, String model, String answer, OptionalInt maxTokens, JsonObject request) {
        List<String> pieces = split(answer);
        String finish = "stop";
        if (maxTokens.isPresent() && maxTokens.getAsInt() >= 0 && pieces.size() > maxTokens.getAsInt()) {
            pieces = pieces.subList(0, maxTokens.getAsInt());
            finish = "length";
        }
        return new Reply(id, model, Instant.now(), String.join("", pieces), List.copyOf(pieces), finish,
                promptTokens(request));
    }

    int completionTokens() {
        return pieces.size();
    }

    int totalTokens() {
        return promptTokens + completionTokens();
    }

    static List<String> split(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        // Split after whitespace rather than on it, so every piece keeps its trailing space and nothing is lost.
        return List.of(text.split("(?<=\\s)(?=\\S)"));
    }

    /** Words in every message; both providers put messages in {@code messages} with string or part-array content. */
    static int promptTokens(JsonObject request) {
        int words = 0;
        for (Object message : request.getJsonArray("messages", new JsonArray())) {
            if (message instanceof JsonObject m) {
                words += split(contentText(m).strip()).size();
            }
        }
        return words;
    }

    /** The text of a message: a plain string, or the text parts of OpenAI's multi-part content. */
    static String contentText(JsonObject message) {
        Object content = message.getValue("content");
        if (content instanceof String text) {
            return text;
        }
        StringBuilder text = new StringBuilder();
        if (content instanceof JsonArray parts) {
            for (Object part : parts) {
                if (part instanceof JsonObject p && "text".equals(p.getString("type"))) {
                    text.append(p.getString("text", ""));
                }
            }
        }
        return text.toString();
    }
}
