package dev.steward.commands.ask;

import dev.steward.commands.Caller;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.safety.sensitivity.Reach;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The model gateway as commands see it; the bot implements it (providers, routing, safety, budgets, ledger).
 * A refusal fails with {@link dev.steward.commands.UserFacingException} carrying the text for the member.
 */
public interface ModelPort {
    /**
     * One question: the event it came in, who asked (read once for it), its text, the model named, if any, and where
     * the gateway says, once it has routed the request, the answer may go (before the first words arrive).
     */
    record Question(MatrixEvent event, Caller caller, String text, Optional<String> model, Consumer<Reach> routed) {
        public Question(MatrixEvent event, Caller caller, String text, Optional<String> model) {
            this(event, caller, text, model, reach -> { });
        }

        Question withRouted(Consumer<Reach> sink) {
            return new Question(event, caller, text, model, sink);
        }
    }

    /**
     * The answer to post (Markdown, with its footer). While a provider streams, {@code progress} receives the answer
     * so far, already checked by the safety policy, from any thread; it may be called again after a fallback
     * started the answer over.
     */
    Future<String> ask(Question question, Consumer<String> progress);
}
