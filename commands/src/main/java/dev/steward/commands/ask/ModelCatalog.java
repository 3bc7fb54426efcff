package dev.steward.commands.ask;

import dev.steward.commands.Caller;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The models as commands show and set them; the bot implements it over its configuration, the router and the room
 * settings. Changes are a power over the room: the commands declare it and the registry checks it before calling.
 */
public interface ModelCatalog {
    /** One model a member may use. */
    record Model(String name, boolean local) {}

    /** Where a request would go: the models in the order they would be tried, and why the first. */
    record Route(List<String> models, String reason) {}

    /**
     * @param route where {@code sample} would go for this member here, or empty with {@code refusal} when nowhere
     */
    record Listing(List<Model> allowed, Optional<String> roomDefault, boolean privateRoom, Optional<Route> route,
            Optional<String> refusal) {}

    /** The models the caller may use, and the route a request with {@code sample} would take in this event's room. */
    Future<Listing> listing(Caller caller, MatrixEvent event, String sample);

    /** Every configured model's name. */
    List<String> configured();

    Future<Void> setRoomDefault(RoomId room, UserId by, Optional<String> model);

    Future<Void> setPrivate(RoomId room, UserId by, boolean isPrivate);
}
