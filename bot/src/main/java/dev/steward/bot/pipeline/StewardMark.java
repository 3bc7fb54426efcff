package dev.steward.bot.pipeline;

import dev.steward.homeserver.id.UserId;
import dev.steward.safety.sensitivity.Reach;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * What Steward writes into its own messages' content so that, read back later as a model's context, they are judged
 * like the words they came from: where the text may go ({@code dev.steward.reach}) and whose request it answered
 * ({@code dev.steward.for}, whose policy applies to personal data it repeats). Only Steward can send as Steward, so
 * the mark on a message whose sender is Steward is Steward's own.
 */
public final class StewardMark {
    static final String REACH = "dev.steward.reach";
    static final String FOR = "dev.steward.for";

    private StewardMark() {}

    /** Marks {@code content} and returns it. */
    public static JsonObject put(JsonObject content, Reach reach, UserId answered) {
        return content.put(REACH, reach.mark()).put(FOR, answered.value());
    }

    /** The reach a message of Steward's was marked with; empty for one without a (readable) mark. */
    public static Optional<Reach> reachIn(JsonObject content) {
        return content.getValue(REACH) instanceof String mark ? Reach.fromMark(mark) : Optional.empty();
    }

    /** The member whose request a message of Steward's answered, when it says. */
    public static Optional<UserId> answeredIn(JsonObject content) {
        if (!(content.getValue(FOR) instanceof String id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UserId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
