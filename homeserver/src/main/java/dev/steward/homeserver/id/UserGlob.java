package dev.steward.homeserver.id;

import java.util.regex.Pattern;

/**
 * A pattern over Matrix user ids, as people write them in config: {@code *} any run of characters, {@code ?} one
 * character, everything else literal ({@code @*:family.example}).
 */
public final class UserGlob {
    private final String text;
    private final Pattern pattern;

    private UserGlob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    public static UserGlob of(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new UserGlob(glob, Pattern.compile(regex.toString()));
    }

    /** Whether the text holds a wildcard; one without is an exact id. */
    public static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    public boolean matches(UserId user) {
        return pattern.matcher(user.value()).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
