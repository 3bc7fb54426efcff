package dev.steward.homeserver;

import java.util.regex.Pattern;

/**
 * A pattern as people write them in config, over Matrix user ids ({@code @*:family.example}) or model names
 * ({@code local-*}): {@code *} any run of characters, {@code ?} one character, everything else literal.
 */
public final class Glob {
    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    public static Glob of(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(glob, Pattern.compile(regex.toString()));
    }

    /** Whether the text holds a wildcard; one without is an exact id. */
    public static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    public boolean matches(String text) {
        return pattern.matcher(text).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
