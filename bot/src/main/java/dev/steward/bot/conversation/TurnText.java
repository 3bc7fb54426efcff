package dev.steward.bot.conversation;

import dev.steward.bot.gateway.GatewayStrings;
import dev.steward.commands.CommandParser;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an earlier message as a model should see it: the latest edit's text, without the quoted reply
 * fallback and without Steward's footer; an {@code !ask} as its question. Empty for what is not conversation: other
 * event types, edits themselves (their text counts in the message they edit), redacted messages, other commands.
 */
final class TurnText {
    private static final Set<String> TEXT_TYPES = Set.of("m.text", "m.notice", "m.emote");
    private static final Pattern ASK = Pattern.compile("(?is)ask(?:\\s+@[^\\s:]+)?\\s+(.+)");

    private TurnText() {}

    static Optional<String> of(JsonObject event, String commandPrefix) {
        if (!"m.room.message".equals(event.getString("type")) || "m.replace".equals(ConversationReader.relation(event))) {
            return Optional.empty();
        }
        JsonObject content = latestContent(event);
        String msgtype = content.getString("msgtype",
                event.getJsonObject("content", new JsonObject()).getString("msgtype", ""));
        if (!TEXT_TYPES.contains(msgtype)) {
            // A file's or an image's body is its name, not something anyone said.
            return Optional.empty();
        }
        Object body = content.getValue("body");
        if (!(body instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        String plain = CommandParser.withoutReplyFallback(text).strip();
        if (plain.startsWith(commandPrefix)) {
            // An earlier question is conversation; other commands and their answers are not.
            Matcher ask = ASK.matcher(plain.substring(commandPrefix.length()));
            if (!ask.matches()) {
                return Optional.empty();
            }
            plain = ask.group(1).strip();
        }
        return Optional.of(GatewayStrings.withoutFooter(plain)).filter(t -> !t.isEmpty());
    }

    /** Synapse bundles a message's latest edit in {@code unsigned} (spec: "Server-side aggregation of m.replace"). */
    static JsonObject latestContent(JsonObject event) {
        JsonObject edit = event.getJsonObject("unsigned", new JsonObject())
                .getJsonObject("m.relations", new JsonObject())
                .getJsonObject("m.replace", new JsonObject());
        JsonObject replaced = edit.getJsonObject("content", new JsonObject()).getJsonObject("m.new_content");
        return replaced != null ? replaced : event.getJsonObject("content", new JsonObject());
    }
}
