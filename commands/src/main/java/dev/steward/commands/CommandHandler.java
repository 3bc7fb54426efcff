package dev.steward.commands;

import io.vertx.core.Future;

/** Runs one command. Throw (or fail with) {@link UserFacingException} for what the person should read. */
@FunctionalInterface
public interface CommandHandler {
    Future<Void> handle(CommandContext context);
}
