package dev.steward.commands.ask;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import io.vertx.core.Future;
import java.util.Optional;

/** {@code !ask [@model] <question>}: a model's answer, routed by the member's policy. */
public final class AskCommand {
    private final ModelPort models;

    private AskCommand(ModelPort models) {
        this.models = models;
    }

    public static CommandSpec spec(ModelPort models) {
        return CommandSpec.everyone("ask", "ask [@model] <question>", "a model's answer to your question",
                new AskCommand(models)::handle);
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
        return StreamedReply.answer(models, context.replies(), new ModelPort.Question(context.event(), text, model),
                "ask:answer", StreamedReply.EDIT_INTERVAL).mapEmpty();
    }
}
