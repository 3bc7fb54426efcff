package dev.steward.bot.crypto;

import dev.steward.homeserver.event.MatrixEvent;
import io.vertx.core.Future;

/** Where the pipeline gets an inbox event in the clear before routing it (see {@link Opened}). */
public interface EventOpener {
    Future<Opened> open(MatrixEvent event);

    /** Without end-to-end encryption: every event is handled as it came. */
    EventOpener PLAIN = event -> Future.succeededFuture(new Opened.Readable(event));
}
