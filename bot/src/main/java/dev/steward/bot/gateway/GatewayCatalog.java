package dev.steward.bot.gateway;

import dev.steward.bot.rooms.RoomSettings;
import dev.steward.commands.ask.ModelCatalog;
import dev.steward.commands.Caller;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.audit.AuditLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;

/** The models for {@code !models}, {@code !model} and {@code !private}: planned the way a request is planned. */
public final class GatewayCatalog implements ModelCatalog {
    private final Vertx vertx;
    private final ModelRouter router;
    private final RequestPlanner planner;
    private final List<ModelEntry> models;
    private final RoomSettings rooms;
    private final AuditLog audit;

    GatewayCatalog(Vertx vertx, ModelRouter router, RequestPlanner planner, List<ModelEntry> models,
            RoomSettings rooms, AuditLog audit) {
        this.audit = audit;
        this.vertx = vertx;
        this.router = router;
        this.planner = planner;
        this.models = List.copyOf(models);
        this.rooms = rooms;
    }

    /** The route {@code sample} would take if asked here now, with the room's conversation and memories around it. */
    @Override
    public Future<Listing> listing(Caller caller, MatrixEvent event, String sample) {
        return planner.gather(event, sample).compose(gathered -> vertx.executeBlocking(
                () -> listing(event, caller, planner.plan(event, caller, sample, Optional.empty(), gathered)), false));
    }

    private Listing listing(MatrixEvent event, Caller caller, RequestPlanner.Plan plan) {
        RoomSettings.Setting room = rooms.of(event.roomId());
        List<Model> allowed = router.allowed(caller.policy()).stream()
                .map(model -> new Model(model.name(), model.local())).toList();
        return switch (plan.route()) {
            case RoutePlan.Go go -> new Listing(allowed, room.defaultModel(), room.isPrivate(),
                    Optional.of(new Route(go.candidates().stream().map(ModelEntry::name).toList(), go.reason())),
                    Optional.empty());
            case RoutePlan.Refuse refuse -> new Listing(allowed, room.defaultModel(), room.isPrivate(),
                    Optional.empty(), Optional.of(refuse.message()));
        };
    }

    @Override
    public List<String> configured() {
        return models.stream().map(ModelEntry::name).toList();
    }

    @Override
    public Future<Void> setRoomDefault(RoomId room, UserId by, Optional<String> model) {
        return vertx.executeBlocking(() -> rooms.setDefaultModel(room, model, by), false).mapEmpty();
    }

    @Override
    public Future<Void> setPrivate(RoomId room, UserId by, boolean isPrivate) {
        return vertx.executeBlocking(() -> {
            boolean byDefault = rooms.privateByDefaultOnly(room);
            rooms.setPrivate(room, isPrivate, by);
            // Who made a room private or public is audited: an encrypted room's privacy is its default.
            audit.record(by, Optional.of(room), "room_privacy", isPrivate ? "private on" : "private off",
                    byDefault ? "was private by default (end-to-end encrypted)" : "set by an admin");
            return null;
        }, false).mapEmpty();
    }
}
