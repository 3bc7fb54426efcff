package dev.steward.commands;

import dev.steward.safety.authority.Permission;
import java.util.List;
import java.util.Objects;

/**
 * A command as data: its name and aliases, the usage and help shown by {@code !help}, the permission it needs, whether
 * members' command allow-lists and quiet hours apply, its forms with permissions of their own, and the handler. The
 * registry checks permission and policy before the handler runs, and {@code !help} shows only what passes.
 */
public record CommandSpec(String name, List<String> aliases, String usage, String help, Permission permission,
        Availability availability, List<Subcommand> subcommands, CommandHandler handler) {

    /** Whether a member's policy (the {@code commands} allow-list, quiet hours) decides if they may use it. */
    public enum Availability {
        /** The member's allow-list must name it, and it is refused in their quiet hours. */
        BY_POLICY,
        /** Always there: it shows or explains, and refusing it would leave people unable to learn why. */
        ALWAYS
    }

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(handler, "handler");
        aliases = List.copyOf(aliases);
        subcommands = List.copyOf(subcommands);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("command names are lower-case words: " + name);
        }
    }

    /** A command everyone may use, when their policy lists it. */
    public static CommandSpec of(String name, String usage, String help, CommandHandler handler) {
        return new CommandSpec(name, List.of(), usage, help, Permission.EVERYONE, Availability.BY_POLICY, List.of(),
                handler);
    }

    public CommandSpec needing(Permission needed) {
        return new CommandSpec(name, aliases, usage, help, needed, availability, subcommands, handler);
    }

    /** The same command, available whatever a member's allow-list and quiet hours say. */
    public CommandSpec always() {
        return new CommandSpec(name, aliases, usage, help, permission, Availability.ALWAYS, subcommands, handler);
    }

    public CommandSpec withAliases(String... names) {
        return new CommandSpec(name, List.of(names), usage, help, permission, availability, subcommands, handler);
    }

    public CommandSpec withSubcommands(Subcommand... forms) {
        return new CommandSpec(name, aliases, usage, help, permission, availability, List.of(forms), handler);
    }
}
