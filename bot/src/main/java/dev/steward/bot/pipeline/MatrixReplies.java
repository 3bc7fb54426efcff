package dev.steward.bot.pipeline;

import dev.steward.commands.RoomReplies;
import dev.steward.homeserver.event.EventTypes;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.TxnIds;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.safety.sensitivity.Reach;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Answers in rooms through the client-server API, as the bot. Every message carries where its text may go when it is
 * read back as a model's context ({@link StewardMark}): Steward's answer to a child stays local when an adult asks
 * later.
 */
public final class MatrixReplies implements RoomReplies {
    // Long enough for a slow model's first words; stopped explicitly as soon as the answer is posted.
    private static final Duration TYPING_TIMEOUT = Duration.ofSeconds(30);

    private final MatrixClient bot;
    private final Reach reach;

    public MatrixReplies(MatrixClient bot) {
        this(bot, Reach.ANYWHERE);
    }

    private MatrixReplies(MatrixClient bot, Reach reach) {
        this.bot = bot;
        this.reach = reach;
    }

    @Override
    public RoomReplies reaching(Reach marked) {
        return marked == reach ? this : new MatrixReplies(bot, marked);
    }

    @Override
    public Future<EventId> notice(MatrixEvent source, String purpose, String text) {
        return reply(source, purpose, new JsonObject().put("msgtype", EventTypes.NOTICE).put("body", text));
    }

    @Override
    public Future<EventId> markdown(MatrixEvent source, String purpose, String markdown) {
        return reply(source, purpose, formatted(markdown));
    }

    /**
     * An edit (spec: "Event replacements"): the new text in {@code m.new_content}, and a fallback body starting with
     * "* " for clients that do not show edits. Mentions are left out, so an edit never notifies anyone again.
     */
    @Override
    public Future<EventId> edit(MatrixEvent source, String purpose, EventId original, int revision, String markdown) {
        JsonObject content = new JsonObject()
                .put("msgtype", EventTypes.NOTICE)
                .put("body", "* " + markdown)
                .put("m.new_content", StewardMark.put(formatted(markdown), reach, source.sender()))
                .put("m.relates_to", new JsonObject().put("rel_type", "m.replace").put("event_id", original.value()));
        return bot.send(source.roomId(), EventTypes.MESSAGE, content,
                TxnIds.derive(source.eventId(), purpose + ":edit:" + revision));
    }

    @Override
    public Future<EventId> react(MatrixEvent source, String purpose, EventId target, String key) {
        JsonObject content = new JsonObject().put("m.relates_to", new JsonObject()
                .put("rel_type", "m.annotation").put("event_id", target.value()).put("key", key));
        return bot.send(source.roomId(), "m.reaction", content, TxnIds.derive(source.eventId(), purpose));
    }

    @Override
    public Future<Void> typing(RoomId room, boolean typing) {
        return bot.typing(room, typing, TYPING_TIMEOUT).otherwiseEmpty();
    }

    private Future<EventId> reply(MatrixEvent source, String purpose, JsonObject content) {
        content.put("m.relates_to", relation(source))
                .put("m.mentions", new JsonObject().put("user_ids", new JsonArray().add(source.sender().value())));
        StewardMark.put(content, reach, source.sender());
        return bot.send(source.roomId(), EventTypes.MESSAGE, content, TxnIds.derive(source.eventId(), purpose));
    }

    /** A notice whose body is the Markdown itself, the usual plain-text form, and whose HTML is its rendering. */
    private static JsonObject formatted(String markdown) {
        return new JsonObject()
                .put("msgtype", EventTypes.NOTICE)
                .put("body", markdown)
                .put("format", "org.matrix.custom.html")
                .put("formatted_body", MatrixHtml.render(markdown));
    }

    /** A reply to the source; inside its thread when the source was in one (spec: "Threads", replies in threads). */
    public static JsonObject relation(MatrixEvent source) {
        JsonObject inReplyTo = new JsonObject().put("event_id", source.eventId().value());
        if ("m.thread".equals(source.relationType()) && source.relatesTo().isPresent()) {
            return new JsonObject()
                    .put("rel_type", "m.thread")
                    .put("event_id", source.relatesTo().get().value())
                    .put("is_falling_back", false)
                    .put("m.in_reply_to", inReplyTo);
        }
        return new JsonObject().put("m.in_reply_to", inReplyTo);
    }
}
