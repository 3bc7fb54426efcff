package dev.steward.commands.builtin;

import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/** {@code !status}: version, uptime, whether the homeserver reaches Steward, and the inbox depth. */
public final class StatusCommand {
    /** What the running bot reports; the bot implements it. */
    public interface StatusSource {
        Future<Status> status();
    }

    /**
     * @param homeserverRoundTrip the appservice ping's round trip, or empty when the homeserver did not answer
     * @param inboxDepth events waiting besides the one being answered, or -1 when unknown
     */
    public record Status(String version, Duration uptime, Optional<Duration> homeserverRoundTrip,
            Optional<String> homeserverProblem, long inboxDepth) {}

    private final StatusSource source;

    private StatusCommand(StatusSource source) {
        this.source = source;
    }

    public static CommandSpec spec(StatusSource source) {
        return CommandSpec.everyone("status", "status", "my version, uptime, homeserver and queue health",
                new StatusCommand(source)::handle);
    }

    private Future<Void> handle(CommandContext context) {
        return source.status().compose(status -> context.reply(render(status))).mapEmpty();
    }

    static String render(Status status) {
        String homeserver = status.homeserverRoundTrip()
                .map(rtt -> "reachable (appservice ping " + rtt.toMillis() + " ms)")
                .orElseGet(() -> "NOT reachable: " + status.homeserverProblem().orElse("no answer"));
        return "Steward " + status.version()
                + "\nUptime: " + uptime(status.uptime())
                + "\nHomeserver: " + homeserver
                + "\nInbox: " + inbox(status.inboxDepth());
    }

    private static String inbox(long depth) {
        if (depth < 0) {
            return "unknown (the database did not answer)";
        }
        return depth + (depth == 1 ? " event" : " events") + " waiting";
    }

    static String uptime(Duration uptime) {
        long days = uptime.toDays();
        long hours = uptime.toHoursPart();
        long minutes = uptime.toMinutesPart();
        long seconds = uptime.toSecondsPart();
        if (days > 0) {
            return days + "d " + hours + "h " + minutes + "m";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes > 0 ? minutes + "m " + seconds + "s" : seconds + "s";
    }
}
