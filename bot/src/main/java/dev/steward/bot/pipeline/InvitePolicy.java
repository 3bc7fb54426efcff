package dev.steward.bot.pipeline;

import dev.steward.homeserver.id.UserId;
import java.util.List;
import java.util.regex.Pattern;

/** Who may invite Steward: user ids or globs ({@code *} any run, {@code ?} one character). */
public final class InvitePolicy {
    private final List<Pattern> allowed;

    /** With no patterns, only users of the bot's own server may invite it. */
    public InvitePolicy(List<String> globs, UserId bot) {
        List<String> effective = globs.isEmpty() ? List.of("@*:" + bot.server().value()) : globs;
        this.allowed = effective.stream().map(InvitePolicy::glob).toList();
    }

    public boolean allows(UserId inviter) {
        return allowed.stream().anyMatch(pattern -> pattern.matcher(inviter.value()).matches());
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
