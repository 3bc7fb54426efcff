package dev.steward.commands;

import dev.steward.homeserver.id.UserId;
import dev.steward.safety.authority.Permission;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A form of a command with its own usage, help and permission ({@code !policy set}, {@code !memory erase @user}).
 * The registry checks the permission of the first form that matches the arguments; the command's own applies when
 * none does. Forms are tried in the order given, so a narrower one goes first.
 */
public record Subcommand(String usage, String help, Permission permission, Match match) {
    /** Whether typed arguments (split at spaces) are this form, for the member who typed them. */
    @FunctionalInterface
    public interface Match {
        boolean matches(List<String> words, UserId sender);
    }

    public Subcommand {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(match, "match");
    }

    /** The form that starts with {@code word} ({@code set} in {@code !policy set ...}). */
    public static Subcommand word(String word, String usage, String help, Permission permission) {
        return new Subcommand(usage, help, permission, (words, sender) -> !words.isEmpty()
                && words.get(0).toLowerCase(Locale.ROOT).equals(word));
    }

    /**
     * The form whose argument at {@code index} names a member other than the sender ({@code !policy @bob}); what a
     * member does about themselves is the command's own permission.
     */
    public static Subcommand aboutOthers(int index, String usage, String help, Permission permission) {
        return new Subcommand(usage, help, permission, (words, sender) -> words.size() > index
                && words.get(index).startsWith("@") && !words.get(index).equals(sender.value()));
    }
}
