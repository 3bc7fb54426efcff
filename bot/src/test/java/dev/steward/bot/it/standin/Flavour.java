package dev.steward.bot.it.standin;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.OptionalInt;

/**
 * One provider's wire format. Flavours are pure: they turn a {@link Reply} into bodies or stream frames, and the
 * stand-in does all the I/O, so both flavours share the recording, the scripted failures and the chunk timing.
 */
interface Flavour {
    /** Whether the client asked for a stream; the providers disagree on the default. */
    boolean streams(JsonObject request);

    /** The client's cap on answer length, if it set one. */
    OptionalInt maxTokens(JsonObject request);

    /** The whole answer as one JSON body. */
    JsonObject complete(Reply reply);

    String streamContentType();

    /** The answer as stream frames, each written and flushed on its own so clients really see it arrive in parts. */
    List<String> frames(Reply reply, JsonObject request);

    /** The body the provider sends with an error status. */
    JsonObject error(int status);
}
