package dev.steward.bot;

import dev.steward.bot.gateway.ModelReachability;
import dev.steward.bot.gateway.ProviderHealth;
import dev.steward.commands.builtin.StatusCommand;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.inbox.Inbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What {@code !status} reports, gathered from the running bot. */
final class BotStatus implements StatusCommand.StatusSource {
    private final Vertx vertx;
    private final Clock clock;
    private final Instant started;
    private final MatrixClient bot;
    private final String appserviceId;
    private final Inbox inbox;
    private final ProviderHealth providers;

    BotStatus(Vertx vertx, Clock clock, MatrixClient bot, String appserviceId, Inbox inbox,
            ProviderHealth providers) {
        this.vertx = vertx;
        this.clock = clock;
        this.started = clock.instant();
        this.bot = bot;
        this.appserviceId = appserviceId;
        this.inbox = inbox;
        this.providers = providers;
    }

    @Override
    public Future<StatusCommand.Status> status() {
        // The appservice ping goes homeserver -> Steward and back, so it proves both directions work.
        Future<Duration> ping = bot.pingAppservice(appserviceId, "status-" + UUID.randomUUID());
        Future<Long> depth = vertx.executeBlocking(inbox::pendingCount, false);
        Future<List<ModelReachability>> models = providers.latest();
        return Future.join(ping, depth, models).transform(ignored -> Future.succeededFuture(new StatusCommand.Status(
                Version.get(),
                Duration.between(started, clock.instant()),
                ping.succeeded() ? Optional.of(ping.result()) : Optional.empty(),
                ping.failed() ? Optional.of(ping.cause().getMessage()) : Optional.empty(),
                models.result().stream().map(BotStatus::state).toList(),
                // The inbox still holds the !status command itself while it is being answered.
                depth.succeeded() ? Math.max(0, depth.result() - 1) : -1)));
    }

    private static StatusCommand.ProviderState state(ModelReachability result) {
        return new StatusCommand.ProviderState(result.model(), result.local(), result.reachable(),
                result.roundTripMs(), result.problem());
    }
}
