package dev.steward.safety.pii;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Secrets written as {@code key=value} or {@code key: value} in config snippets, env files, JSON and chat
 * ("DB_PASSWORD=hunter2", {@code "api_key": "..."}, "Passwort: Sommer2024!"). Only the value is a finding, so the
 * redacted text still shows what kind of secret stood there.
 *
 * <p>Written by hand rather than as one regex: it looks backwards from each {@code :} or {@code =} for a key, which
 * costs one step per separator instead of a pattern attempt at every character of the text.
 */
final class KeyValueSecrets {
    /** Keys, lower case, compared against the end of the key before the separator (so {@code db_password} counts). */
    private static final List<String> KEYS = List.of("password", "passwd", "pwd", "passphrase", "secret", "token",
            "api_key", "api-key", "apikey", "access_key", "private_key", "passwort", "kennwort", "mot de passe",
            "mdp", "contraseña");
    /** Values that stand for a secret rather than being one: templates, masks, and YAML/JSON literals. */
    private static final Set<String> NOT_SECRETS = Set.of("null", "none", "nil", "true", "false", "undefined",
            "empty", "required", "optional", "string", "redacted", "hidden", "example");
    private static final int LONGEST_KEY = 40;
    private static final int MIN_VALUE = 4;

    private KeyValueSecrets() {}

    static void find(String text, List<Finding> out) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if ((c == ':' || c == '=') && keyEndsAt(text, i)) {
                // Go on after the value: a separator inside it starts no new key, and skipping it keeps a text of
                // "password=password=..." linear rather than quadratic.
                i = Math.max(i, addValue(text, i + 1, out) - 1);
            }
        }
    }

    /** Whether the text just before the separator at {@code separator} is one of {@link #KEYS}. */
    private static boolean keyEndsAt(String text, int separator) {
        int end = separator;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '"' || text.charAt(end - 1) == '\'')
                && separator - end < 3) {
            end--;
        }
        if (end == 0 || !Character.isLetter(text.charAt(end - 1))) {
            return false; // every key ends in a letter; this is a time (14:30), a URL scheme's port, a ratio
        }
        int start = end;
        while (start > 0 && end - start < LONGEST_KEY && isKeyChar(text.charAt(start - 1))) {
            start--;
        }
        if (start == end) {
            return false;
        }
        for (String key : KEYS) {
            int keyStart = end - key.length();
            // The key itself, or a compound ending in it (db_password, client-secret, GITHUB_TOKEN), not a word that
            // merely ends in it (a "forgottoken").
            if (keyStart >= start && text.regionMatches(true, keyStart, key, 0, key.length())
                    && (keyStart == start || "_-. ".indexOf(text.charAt(keyStart - 1)) >= 0)) {
                return true;
            }
        }
        return false;
    }

    // Letters, digits, and the joints of compound keys; a space only because "mot de passe" has them.
    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ' ';
    }

    /** Adds the value starting at {@code from} when it is a secret; returns where the value ends. */
    private static int addValue(String text, int from, List<Finding> out) {
        int start = from;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')
                && start - from < 3) {
            start++;
        }
        if (start >= text.length()) {
            return start;
        }
        char quote = text.charAt(start);
        int end;
        if (quote == '"' || quote == '\'') {
            start++;
            end = start;
            while (end < text.length() && text.charAt(end) != quote && text.charAt(end) != '\n') {
                end++;
            }
        } else {
            end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                    && ",;\"'".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            // A sentence may end right after the value ("Passwort: Sommer2024."); the full stop is not part of it.
            while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ')')) {
                end--;
            }
        }
        if (end - start >= MIN_VALUE && !placeholder(text.substring(start, end))) {
            out.add(new Finding(PiiType.SECRET, start, end));
        }
        return end;
    }

    private static boolean placeholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return NOT_SECRETS.contains(lower)
                || value.startsWith("${") || value.startsWith("{{") || value.startsWith("<") || value.startsWith("%(")
                || value.startsWith("$") && value.length() > 1 && Character.isUpperCase(value.charAt(1))
                || value.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X' || c == '.' || c == '•');
    }
}
