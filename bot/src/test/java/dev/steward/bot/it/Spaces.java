package dev.steward.bot.it;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import dev.steward.homeserver.client.MatrixClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Spaces and direct chats as Element makes them, for the tests. */
final class Spaces {
    private Spaces() {}

    /** A space, with Steward invited into it (and joined) when {@code withSteward}. */
    static RoomId space(TestPerson person, String name, TestHomeserver homeserver, boolean withSteward) {
        JsonArray invite = withSteward ? new JsonArray().add(homeserver.botUser().value()) : new JsonArray();
        RoomId space = Await.result(person.client().createRoom(new JsonObject().put("name", name)
                .put("preset", "private_chat").put("invite", invite)
                .put("creation_content", new JsonObject().put("type", "m.space"))));
        if (withSteward) {
            person.awaitMembership(space, homeserver.botUser(), "join");
        }
        return space;
    }

    /** Lists {@code room} in {@code space} ({@code m.space.child}) and names the space in the room. */
    static void add(TestPerson person, RoomId space, RoomId room) {
        listIn(person, space, room);
        claimParent(person, room, space);
    }

    /** Only the room's side: its {@code m.space.parent}, which any admin of the room can write. */
    static void claimParent(TestPerson person, RoomId room, RoomId space) {
        Await.result(person.client().sendState(room, "m.space.parent", space.value(),
                new JsonObject().put("via", via()).put("canonical", true)));
    }

    static void listIn(TestPerson person, RoomId space, RoomId room) {
        Await.result(person.client().sendState(space, "m.space.child", room.value(), new JsonObject().put("via", via())));
    }

    /** A direct chat with Steward, as Element opens one (the invite says {@code is_direct}), once Steward joined. */
    static RoomId directChat(TestPerson person, UserId bot) {
        RoomId direct = Await.result(person.client().createRoom(new JsonObject().put("preset", "trusted_private_chat")
                .put("is_direct", true).put("invite", new JsonArray().add(bot.value()))));
        person.awaitMembership(direct, bot, "join");
        return direct;
    }

    /** The direct chat Steward opened with {@code person}: a room of Steward's where they are invited. */
    static RoomId awaitDirectInvite(TestHomeserver homeserver, TestPerson person) {
        MatrixClient bot = homeserver.botClient();
        return Await.until(homeserver.vertx(), "a direct chat Steward invites " + person.id() + " to", Await.DEFAULT,
                () -> bot.joinedRooms().compose(rooms -> {
                    List<Future<Optional<RoomId>>> checks = new ArrayList<>();
                    rooms.forEach(id -> {
                        RoomId room = RoomId.of(String.valueOf(id));
                        checks.add(bot.stateEvent(room, "m.room.member", person.id().value())
                                .map(member -> "invite".equals(member.getString("membership"))
                                        ? Optional.of(room) : Optional.<RoomId>empty())
                                .otherwise(Optional.empty()));
                    });
                    return Future.all(checks).map(done -> checks.stream().map(Future::result)
                            .flatMap(Optional::stream).findFirst());
                }));
    }

    private static JsonArray via() {
        return new JsonArray().add(TestHomeserver.SERVER.value());
    }
}
