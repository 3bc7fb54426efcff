package dev.steward.commands;

import dev.steward.homeserver.event.MatrixEvent;

/** A command as typed: its name (lower-cased, without the prefix) and the text after it. */
public record Invocation(MatrixEvent event, String name, String arguments) {}
