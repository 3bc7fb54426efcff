package dev.steward.commands.prompts;

import dev.steward.commands.UserFacingException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Set;

/**
 * A prompt that waits for the member who asked to confirm with ✅ ({@code !forget <query>}, {@code !memory erase}):
 * nobody else counts, and after {@link #WITHIN} a ✅ is answered that the request expired. The action runs once,
 * after the prompt is durably marked done, and its text is posted.
 */
public abstract class ConfirmationKind implements PromptKind {
    public static final String CONFIRM = "✅";
    public static final Duration WITHIN = Duration.ofMinutes(10);
    static final String DONE = "done";
    static final String EXPIRED_TEXT = "That request expired; ask again if you still want it.";

    /** What confirming does; its text is posted as the answer. */
    protected abstract Future<String> act(Prompt prompt);

    @Override
    public Set<String> keys() {
        return Set.of(CONFIRM);
    }

    @Override
    public Eligibility eligibility(Prompt prompt) {
        return Eligibility.REQUESTER_ONLY;
    }

    @Override
    public Future<Void> reacted(Prompt prompt, PromptReaction reaction, PromptActions actions) {
        return actions.decide(prompt, DONE).compose(won -> !won ? Future.succeededFuture()
                : act(prompt)
                        .recover(e -> e instanceof UserFacingException refused
                                ? Future.succeededFuture(refused.getMessage()) : Future.failedFuture(e))
                        .compose(text -> actions.reply(prompt, "confirmed", text))
                        .mapEmpty());
    }

    @Override
    public Future<Void> late(Prompt prompt, PromptReaction reaction, PromptActions actions) {
        return Prompt.EXPIRED.equals(prompt.state())
                ? actions.reply(prompt, "confirmation-expired", EXPIRED_TEXT).mapEmpty()
                : Future.succeededFuture();
    }
}
