package dev.steward.bot.pipeline;

import dev.steward.homeserver.Glob;
import dev.steward.homeserver.id.UserId;
import java.util.List;

/** Who may invite Steward: user ids or globs ({@code *} any run, {@code ?} one character). */
public final class InvitePolicy {
    private final List<Glob> allowed;

    /** With no patterns, only users of the bot's own server may invite it. */
    public InvitePolicy(List<String> globs, UserId bot) {
        List<String> effective = globs.isEmpty() ? List.of("@*:" + bot.server().value()) : globs;
        this.allowed = effective.stream().map(Glob::of).toList();
    }

    public boolean allows(UserId inviter) {
        return allowed.stream().anyMatch(glob -> glob.matches(inviter.value()));
    }
}
