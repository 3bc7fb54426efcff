package dev.steward.commands.builtin;

import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code !status}: version, uptime, whether the homeserver reaches Steward, whether each model's provider answers,
 * and the inbox depth.
 */
public final class StatusCommand {
    /** What the running bot reports; the bot implements it. */
    public interface StatusSource {
        Future<Status> status();
    }

    /**
     * @param homeserverRoundTrip the appservice ping's round trip, or empty when the homeserver did not answer
     * @param models one per configured model, in configuration order; empty when none is configured
     * @param inboxDepth events waiting besides the one being answered, or -1 when unknown
     */
    public record Status(String version, Duration uptime, Optional<Duration> homeserverRoundTrip,
            Optional<String> homeserverProblem, List<ProviderState> models, long inboxDepth) {
        public Status {
            models = List.copyOf(models);
        }
    }

    /**
     * Whether a model's provider answered its last check.
     *
     * @param reachable whether the server answered at all, even if only to refuse the key
     * @param problem what is wrong, for people: why it is not reachable, or what is amiss although it is
     */
    public record ProviderState(String model, boolean local, boolean reachable, long roundTripMs,
            Optional<String> problem) {}

    private final StatusSource source;

    private StatusCommand(StatusSource source) {
        this.source = source;
    }

    public static CommandSpec spec(StatusSource source) {
        return CommandSpec.of("status", "status", "my version, uptime, homeserver, models and queue health",
                new StatusCommand(source)::handle).always();
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
                + "\nModels:" + models(status.models())
                + "\nInbox: " + inbox(status.inboxDepth());
    }

    /** One model stays on the line; several get a line each, which a phone screen still shows whole. */
    private static String models(List<ProviderState> models) {
        if (models.isEmpty()) {
            return " none configured (see models: in the config)";
        }
        if (models.size() == 1) {
            return " " + model(models.getFirst());
        }
        return models.stream().map(state -> "\n- " + model(state)).collect(Collectors.joining());
    }

    private static String model(ProviderState state) {
        String name = state.model() + (state.local() ? " 🔒" : "");
        if (!state.reachable()) {
            return name + " NOT reachable: " + state.problem().orElse("no answer");
        }
        return name + " reachable (" + state.roundTripMs() + " ms)" + state.problem().map(", but "::concat).orElse("");
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
