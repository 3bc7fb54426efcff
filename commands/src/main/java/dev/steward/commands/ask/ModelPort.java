package dev.steward.commands.ask;

import dev.steward.homeserver.event.MatrixEvent;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The model gateway as commands see it; the bot implements it (providers, routing, safety, budgets, ledger).
 * A refusal fails with {@link dev.steward.commands.UserFacingException} carrying the text for the member.
 */
public interface ModelPort {
    /** One question: the event it came in, its text, and the model the member named, if any. */
    record Question(MatrixEvent event, String text, Optional<String> model) {}

    /** The answer to post, with its footer. */
    Future<String> ask(Question question);
}
