package dev.steward.commands;

import java.time.Duration;
import java.time.LocalTime;

/** Every text a person reads from the commands, in one place so that tone is reviewed together. */
public final class CommandStrings {
    private CommandStrings() {}

    public static String unknown(String prefix, String typed) {
        return "I don't know the command " + prefix + typed + ". Send " + prefix + "help to see what I can do.";
    }

    public static String unknownWithSuggestion(String prefix, String typed, String suggestion) {
        return "I don't know the command " + prefix + typed + ". Did you mean " + prefix + suggestion + "?";
    }

    public static String notAllowed(String prefix, String command) {
        return "Sorry, " + prefix + command + " is not available to you here. Send " + prefix
                + "policy to see what you can use.";
    }

    public static String quietHours(LocalTime endsAt) {
        return "It's quiet time now, so I'm not answering that. Ask me again after " + endsAt + ".";
    }

    /** The problem, then the command's usage and the usage of each form the member may use. */
    public static String usage(String prefix, CommandSpec spec, java.util.List<Subcommand> forms, String problem) {
        StringBuilder text = new StringBuilder(problem).append("\nUsage: ").append(prefix).append(spec.usage());
        forms.forEach(form -> text.append(" | ").append(prefix).append(form.usage()));
        return text.toString();
    }

    public static final String FAILED = "Sorry, that went wrong on my side. It has been logged; please try again later.";

    public static final String HELP_TITLE = "Commands you can use here:";

    public static String helpFooter(String prefix) {
        return "Send " + prefix + "help <command> for more about one of them.";
    }

    public static String noSuchCommandForHelp(String prefix, String name) {
        return "There is no command " + prefix + name + ".";
    }

    public static String pong(Duration roundTrip) {
        return "pong (" + roundTrip.toMillis() + " ms from your message to my answer)";
    }

    public static String pong() {
        return "pong";
    }
}
