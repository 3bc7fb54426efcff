package dev.steward.commands.prompts;

import io.vertx.core.Future;
import java.util.Set;

/**
 * One kind of prompt a feature registers: the reactions it reads, who may answer, and what happens. The registry
 * calls a handler only for a reaction it has stored, from an eligible person, on an open prompt of this kind; the
 * handler commits its decision (a state change that only one caller can win, {@link PromptActions#decide}) before
 * any effect, so a replayed or concurrent reaction never acts twice.
 */
public interface PromptKind {
    String name();

    /** The reaction keys that mean something here (✅, ❌); others are stored and ignored. */
    Set<String> keys();

    Eligibility eligibility(Prompt prompt);

    Future<Void> reacted(Prompt prompt, PromptReaction reaction, PromptActions actions);

    /** An eligible reaction was redacted while the prompt was open. */
    default Future<Void> withdrawn(Prompt prompt, PromptReaction reaction, PromptActions actions) {
        return Future.succeededFuture();
    }

    /** The prompt expired while open; the registry has already marked it so. */
    default Future<Void> expired(Prompt prompt, PromptActions actions) {
        return Future.succeededFuture();
    }

    /** An eligible reaction came after the prompt was decided or expired. */
    default Future<Void> late(Prompt prompt, PromptReaction reaction, PromptActions actions) {
        return Future.succeededFuture();
    }
}
