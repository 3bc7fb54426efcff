package dev.steward.commands;

import java.util.List;
import java.util.Objects;

/**
 * A command as data: its name and aliases, the usage and help shown by {@code !help}, the room power level a
 * member needs to use it (0 for everyone), and the handler. The registry checks the level before the handler runs.
 */
public record CommandSpec(
        String name, List<String> aliases, String usage, String help, int requiredPowerLevel, CommandHandler handler) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        aliases = List.copyOf(aliases);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("command names are lower-case words: " + name);
        }
    }

    /** A command everyone may use. */
    public static CommandSpec everyone(String name, String usage, String help, CommandHandler handler) {
        return new CommandSpec(name, List.of(), usage, help, 0, handler);
    }
}
