package dev.steward.commands;

import dev.steward.homeserver.event.MatrixEvent;
import java.util.Locale;
import java.util.Optional;

/** Finds a command in a message body: the prefix, then a name, then free text. */
public final class CommandParser {
    private final String prefix;

    public CommandParser(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the command prefix must be non-empty and without spaces");
        }
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public Optional<Invocation> parse(MatrixEvent event) {
        String text = withoutReplyFallback(event.body()).strip();
        if (!text.startsWith(prefix) || text.length() == prefix.length()) {
            return Optional.empty();
        }
        String rest = text.substring(prefix.length());
        if (Character.isWhitespace(rest.charAt(0))) {
            return Optional.empty();
        }
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
            end++;
        }
        String name = rest.substring(0, end).toLowerCase(Locale.ROOT);
        return Optional.of(new Invocation(event, name, rest.substring(end).strip()));
    }

    /** Older clients quote the replied-to message as "> ..." lines before the reply; the command follows them. */
    public static String withoutReplyFallback(String body) {
        if (!body.startsWith("> ")) {
            return body;
        }
        int blank = body.indexOf("\n\n");
        return blank < 0 ? body : body.substring(blank + 2);
    }
}
