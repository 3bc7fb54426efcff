package dev.steward.commands.ask;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.safety.sensitivity.Reach;
import io.vertx.core.Future;
import java.util.Optional;

/** {@code !ask [@model] <question>}: a model's answer, routed by the member's policy. */
public final class AskCommand {
    /** Where answers go once posted, for rooms that keep Steward's answers in memory. */
    @FunctionalInterface
    public interface AnswerKeeper {
        /** {@code reach}: where the answer may go, which the memory keeps with it. */
        Future<Void> keep(MatrixEvent question, EventId answer, String text, Reach reach);

        AnswerKeeper NONE = (room, answer, text, reach) -> Future.succeededFuture();
    }

    private final ModelPort models;
    private final AnswerKeeper keeper;

    private AskCommand(ModelPort models, AnswerKeeper keeper) {
        this.models = models;
        this.keeper = keeper;
    }

    public static CommandSpec spec(ModelPort models, AnswerKeeper keeper) {
        return CommandSpec.of("ask", "ask [@model] <question>", "a model's answer to your question",
                new AskCommand(models, keeper)::handle);
    }

    private Future<Void> handle(CommandContext context) {
        String text = context.arguments();
        Optional<String> model = Optional.empty();
        String[] words = text.split("\\s+", 2);
        // "@name" without a server part is a model; "@alice:example.org" would be a person, left in the question.
        if (words.length == 2 && words[0].length() > 1 && words[0].startsWith("@") && !words[0].contains(":")) {
            model = Optional.of(words[0].substring(1));
            text = words[1].strip();
        }
        if (text.isBlank()) {
            throw new BadArgumentsException("Ask a question after the command.");
        }
        return StreamedReply.answer(models, context.replies(), new ModelPort.Question(context.event(), context.caller(), text, model),
                "ask:answer", StreamedReply.EDIT_INTERVAL)
                .compose(posted -> keep(keeper, context.event(), posted));
    }

    /** Keeps an answer (not a refusal); a failure to keep it is not the member's problem. */
    public static Future<Void> keep(AnswerKeeper keeper, MatrixEvent question, StreamedReply.Posted posted) {
        if (posted.answer().isEmpty()) {
            return Future.succeededFuture();
        }
        return keeper.keep(question, posted.event(), posted.answer(), posted.reach()).otherwiseEmpty();
    }
}
