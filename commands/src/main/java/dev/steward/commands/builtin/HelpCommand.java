package dev.steward.commands.builtin;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.Caller;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandRegistry;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.CommandStrings;
import dev.steward.commands.Subcommand;
import io.vertx.core.Future;
import java.util.Locale;

/**
 * {@code !help [command]}: the commands this member may use here, with the forms their permissions allow, generated
 * from the registry so it never drifts from what exists or from what the registry lets through.
 */
public final class HelpCommand {
    private final CommandRegistry registry;

    private HelpCommand(CommandRegistry registry) {
        this.registry = registry;
    }

    public static CommandSpec spec(CommandRegistry registry) {
        return CommandSpec.of("help", "help [command]", "the commands you can use here, or more about one",
                new HelpCommand(registry)::handle).always();
    }

    private Future<Void> handle(CommandContext context) {
        String prefix = context.prefix();
        String wanted = context.arguments();
        if (wanted.isEmpty()) {
            return context.reply(overview(prefix, context.caller())).mapEmpty();
        }
        String name = wanted.startsWith(prefix) ? wanted.substring(prefix.length()) : wanted;
        if (name.contains(" ")) {
            throw new BadArgumentsException("Ask about one command at a time.");
        }
        CommandSpec spec = registry.find(name.toLowerCase(Locale.ROOT))
                .filter(found -> registry.lists(found, context.caller()))
                .orElseThrow(() -> new BadArgumentsException(CommandStrings.noSuchCommandForHelp(prefix, name)));
        return context.reply(lines(prefix, spec, context.caller()) + aliases(prefix, spec)).mapEmpty();
    }

    private String overview(String prefix, Caller caller) {
        StringBuilder text = new StringBuilder(CommandStrings.HELP_TITLE);
        for (CommandSpec spec : registry.all()) {
            if (registry.lists(spec, caller)) {
                text.append('\n').append(lines(prefix, spec, caller));
            }
        }
        return text.append("\n\n").append(CommandStrings.helpFooter(prefix)).toString();
    }

    private String lines(String prefix, CommandSpec spec, Caller caller) {
        StringBuilder text = new StringBuilder(prefix + spec.usage() + " — " + spec.help());
        for (Subcommand form : registry.formsFor(spec, caller)) {
            text.append("\n  ").append(prefix).append(form.usage()).append(" — ").append(form.help());
        }
        return text.toString();
    }

    private static String aliases(String prefix, CommandSpec spec) {
        return spec.aliases().isEmpty() ? "" : "\nAlso: " + prefix + String.join(", " + prefix, spec.aliases());
    }
}
