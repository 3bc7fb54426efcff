package dev.steward.commands.builtin;

import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.CommandStrings;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;

/** {@code !ping}: "pong", with the time from the message's arrival at the homeserver to the answer. */
public final class PingCommand {
    private final Clock clock;

    private PingCommand(Clock clock) {
        this.clock = clock;
    }

    public static CommandSpec spec(Clock clock) {
        return CommandSpec.of("ping", "ping", "checks that I answer, with the round trip",
                new PingCommand(clock)::handle).always();
    }

    private Future<Void> handle(CommandContext context) {
        long sent = context.event().originServerTs();
        String text = sent > 0
                ? CommandStrings.pong(Duration.ofMillis(Math.max(0, clock.millis() - sent)))
                : CommandStrings.pong();
        return context.reply(text).mapEmpty();
    }
}
