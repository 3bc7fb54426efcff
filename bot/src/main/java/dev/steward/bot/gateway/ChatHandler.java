package dev.steward.bot.gateway;

import dev.steward.bot.feature.RoomEvents;
import dev.steward.bot.pipeline.DirectRooms;
import dev.steward.bot.pipeline.Route;
import dev.steward.commands.Caller;
import dev.steward.commands.CommandRegistry;
import dev.steward.commands.Invocation;
import dev.steward.commands.RoomReplies;
import dev.steward.commands.UserFacingException;
import dev.steward.commands.ask.AskCommand;
import dev.steward.commands.ask.ModelPort;
import dev.steward.commands.ask.StreamedReply;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.event.MatrixEvent;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Messages that are model requests without a command: a mention of Steward, a reply to one of its answers, or any
 * message in a direct chat with it. They pass the same checks as {@code !ask} (the registry's) and are answered as
 * a reply.
 */
final class ChatHandler implements RoomEvents {
    private static final String PURPOSE = "chat-answer";

    private final MatrixClient bot;
    private final ModelPort models;
    private final CommandRegistry commands;
    private final RoomReplies replies;
    private final DirectRooms directRooms;
    private final AskCommand.AnswerKeeper keeper;

    ChatHandler(MatrixClient bot, ModelPort models, CommandRegistry commands, RoomReplies replies,
            DirectRooms directRooms, AskCommand.AnswerKeeper keeper) {
        this.keeper = keeper;
        this.bot = bot;
        this.models = models;
        this.commands = commands;
        this.replies = replies;
        this.directRooms = directRooms;
    }

    /** Answers the message when it is a request; completes quietly when it is ordinary chat. */
    @Override
    public Future<Void> message(MatrixEvent event, Route.Chat.Trigger trigger, Caller caller) {
        return isRequest(event, trigger).compose(request -> request ? answer(event, caller) : Future.succeededFuture());
    }

    private Future<Boolean> isRequest(MatrixEvent event, Route.Chat.Trigger trigger) {
        return switch (trigger) {
            case MENTION -> Future.succeededFuture(true);
            case REPLY -> bot.event(event.roomId(), event.inReplyTo().orElseThrow())
                    .map(replied -> bot.self().value().equals(replied.getString("sender")))
                    .otherwise(false)
                    .compose(toSteward -> toSteward ? Future.succeededFuture(true)
                            : directRooms.isDirect(event.roomId()));
            case MESSAGE -> directRooms.isDirect(event.roomId());
        };
    }

    private Future<Void> answer(MatrixEvent event, Caller caller) {
        String question = withoutMention(event.body(), bot.self().value());
        Invocation asAsk = new Invocation(event, "ask", question);
        return commands.admit(asAsk, caller)
                .compose(refusal -> refusal.isPresent()
                        ? replies.notice(event, PURPOSE, refusal.get())
                        : StreamedReply.answer(models, replies, new ModelPort.Question(event, caller, question,
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
