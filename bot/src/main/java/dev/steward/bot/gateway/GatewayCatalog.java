package dev.steward.bot.gateway;

import dev.steward.bot.rooms.RoomSettings;
import dev.steward.commands.ask.ModelCatalog;
import dev.steward.commands.policy.MemberPolicies;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.audit.AuditLog;
import dev.steward.safety.budget.Budgets;
import dev.steward.safety.budget.Limits;
import dev.steward.safety.policy.EffectivePolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;

/** The models for {@code !models}, {@code !model} and {@code !private}: the router asked the way a request asks it. */
public final class GatewayCatalog implements ModelCatalog {
    private final Vertx vertx;
    private final ModelRouter router;
    private final List<ModelEntry> models;
    private final RoomSettings rooms;
    private final MemberPolicies policies;
    private final RequestGuard guard;
    private final Budgets budgets;
    private final AuditLog audit;

    public GatewayCatalog(Vertx vertx, ModelRouter router, List<ModelEntry> models, RoomSettings rooms,
            MemberPolicies policies, RequestGuard guard, Budgets budgets, AuditLog audit) {
        this.audit = audit;
        this.vertx = vertx;
        this.router = router;
        this.models = List.copyOf(models);
        this.rooms = rooms;
        this.policies = policies;
        this.guard = guard;
        this.budgets = budgets;
    }

    @Override
    public Future<Listing> listing(MatrixEvent event, String sample) {
        return policies.effective(event.roomId(), event.sender())
                .compose(policy -> vertx.executeBlocking(() -> listing(event, sample, policy), false));
    }

    private Listing listing(MatrixEvent event, String sample, EffectivePolicy policy) {
        RoomSettings.Setting room = rooms.of(event.roomId());
        List<Model> allowed = router.allowed(policy).stream().map(model -> new Model(model.name(), model.local()))
                .toList();
        RoutePlan plan = router.route(new RouteRequest(policy, guard.wouldStayLocal(sample, policy), room.isPrivate(),
                Optional.empty(), room.defaultModel(), budgets.nearLimit(event.sender(), Limits.of(policy))));
        return switch (plan) {
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
