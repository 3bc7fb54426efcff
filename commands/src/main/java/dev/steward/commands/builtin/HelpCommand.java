package dev.steward.commands.builtin;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandRegistry;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.CommandStrings;
import io.vertx.core.Future;
import java.util.Locale;

/** {@code !help [command]}: the commands, generated from the registry so it never drifts from what exists. */
public final class HelpCommand {
    private final CommandRegistry registry;

    private HelpCommand(CommandRegistry registry) {
        this.registry = registry;
    }

    public static CommandSpec spec(CommandRegistry registry) {
        return CommandSpec.everyone("help", "help [command]", "the commands you can use, or more about one",
                new HelpCommand(registry)::handle);
    }

    private Future<Void> handle(CommandContext context) {
        String prefix = context.prefix();
        String wanted = context.arguments();
        if (wanted.isEmpty()) {
            return context.reply(overview(prefix)).mapEmpty();
        }
        String name = wanted.startsWith(prefix) ? wanted.substring(prefix.length()) : wanted;
        if (name.contains(" ")) {
            throw new BadArgumentsException("Ask about one command at a time.");
        }
        CommandSpec spec = registry.find(name.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new BadArgumentsException(CommandStrings.noSuchCommandForHelp(prefix, name)));
        return context.reply(line(prefix, spec) + aliases(prefix, spec)).mapEmpty();
    }

    private String overview(String prefix) {
        StringBuilder text = new StringBuilder(CommandStrings.HELP_TITLE);
        for (CommandSpec spec : registry.all()) {
            text.append('\n').append(line(prefix, spec));
        }
        return text.append("\n\n").append(CommandStrings.helpFooter(prefix)).toString();
    }

    private static String line(String prefix, CommandSpec spec) {
        return prefix + spec.usage() + " — " + spec.help();
    }

    private static String aliases(String prefix, CommandSpec spec) {
        return spec.aliases().isEmpty() ? "" : "\nAlso: " + prefix + String.join(", " + prefix, spec.aliases());
    }
}
