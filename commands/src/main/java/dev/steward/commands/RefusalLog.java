package dev.steward.commands;

import io.vertx.core.Future;

/**
 * Where refusals are recorded (the audit log, written off the event loop by the bot). {@code what} names the attempt
 * ("command !policy set"), never the text a member typed after it.
 */
@FunctionalInterface
public interface RefusalLog {
    Future<Void> refused(Caller caller, String rule, String what);

    RefusalLog NONE = (caller, rule, what) -> Future.succeededFuture();
}
