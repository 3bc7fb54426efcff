package dev.steward.commands.ask;

import dev.steward.commands.Caller;
import dev.steward.homeserver.event.MatrixEvent;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The model gateway as commands see it; the bot implements it (providers, routing, safety, budgets, ledger).
 * A refusal fails with {@link dev.steward.commands.UserFacingException} carrying the text for the member.
 */
public interface ModelPort {
    /** One question: the event it came in, who asked (read once for it), its text, and the model named, if any. */
    record Question(MatrixEvent event, Caller caller, String text, Optional<String> model) {}

    /**
     * The answer to post (Markdown, with its footer). While a provider streams, {@code progress} receives the answer
     * so far, already checked by the safety policy, from any thread; it may be called again after a fallback
     * started the answer over.
     */
    Future<String> ask(Question question, Consumer<String> progress);
}
