package dev.steward.bot.pipeline;

import dev.steward.bot.safety.CommandGate;
import dev.steward.commands.Invocation;
import dev.steward.commands.RoomReplies;
import dev.steward.commands.UserFacingException;
import dev.steward.commands.ask.AskCommand;
import dev.steward.commands.ask.ModelPort;
import dev.steward.commands.ask.StreamedReply;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.RoomId;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Messages that are model requests without a command: a mention of Steward, a reply to one of its answers, or any
 * message in a room someone opened as a direct chat with it. They pass the same policy check as {@code !ask} and are
 * answered as a reply.
 */
public final class ChatHandler {
    private static final String PURPOSE = "chat-answer";

    private final MatrixClient bot;
    private final ModelPort models;
    private final CommandGate gate;
    private final RoomReplies replies;
    private final DirectRooms directRooms;
    private final AskCommand.AnswerKeeper keeper;

    public ChatHandler(MatrixClient bot, ModelPort models, CommandGate gate, RoomReplies replies,
            DirectRooms directRooms, AskCommand.AnswerKeeper keeper) {
        this.keeper = keeper;
        this.bot = bot;
        this.models = models;
        this.gate = gate;
        this.replies = replies;
        this.directRooms = directRooms;
    }

    /** Answers the message when it is a request; completes quietly when it is ordinary chat. */
    public Future<Void> handle(MatrixEvent event, Route.Chat.Trigger trigger) {
        return isRequest(event, trigger).compose(request -> request ? answer(event) : Future.succeededFuture());
    }

    private Future<Boolean> isRequest(MatrixEvent event, Route.Chat.Trigger trigger) {
        return switch (trigger) {
            case MENTION -> Future.succeededFuture(true);
            case REPLY -> bot.event(event.roomId(), event.inReplyTo().orElseThrow())
                    .map(replied -> bot.self().value().equals(replied.getString("sender")))
                    .otherwise(false)
                    .compose(toSteward -> toSteward ? Future.succeededFuture(true) : isDirect(event.roomId()));
            case MESSAGE -> isDirect(event.roomId());
        };
    }

    private Future<Boolean> isDirect(RoomId room) {
        return Future.succeededFuture(directRooms.isDirect(room));
    }

    private Future<Void> answer(MatrixEvent event) {
        String question = withoutMention(event.body(), bot.self().value());
        Invocation asAsk = new Invocation(event, "ask", question);
        return gate.check(asAsk, true)
                .compose(refusal -> refusal.isPresent()
                        ? replies.notice(event, PURPOSE, refusal.get())
                        : StreamedReply.answer(models, replies, new ModelPort.Question(event, question,
                                Optional.empty()), PURPOSE, StreamedReply.EDIT_INTERVAL)
                                .compose(posted -> AskCommand.keep(keeper, event, posted).map(posted.event()))
                                .recover(e -> e instanceof UserFacingException refused
                                        ? replies.notice(event, PURPOSE, refused.getMessage())
                                        : Future.failedFuture(e)))
                .mapEmpty();
    }

    /** "@steward:example.org: what's up?" asks "what's up?". */
    static String withoutMention(String body, String botId) {
        String text = body.replace(botId, "").strip();
        while (!text.isEmpty() && (text.charAt(0) == ':' || text.charAt(0) == ',')) {
            text = text.substring(1).strip();
        }
        return text.isEmpty() ? body.strip() : text;
    }
}
