package dev.steward.bot.demo;

import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.RetryPolicy;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.registration.Registration;
import dev.steward.homeserver.synapse.LocalSynapse;
import dev.steward.homeserver.synapse.SynapseAdmin;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

/** Makes the demo person, a space, and a room in it to which Steward is invited, and waits until it has joined. */
final class DemoSeeder {
    private static final String LOCALPART = "demo";
    private static final long JOIN_WAIT_MS = 60_000;

    private final Vertx vertx;
    private final LocalSynapse synapse;
    private final UserId bot;
    private final WebClient web;

    DemoSeeder(Vertx vertx, LocalSynapse synapse, UserId bot) {
        this.vertx = vertx;
        this.synapse = synapse;
        this.bot = bot;
        this.web = WebClient.create(vertx);
    }

    Future<DemoSpace> seed() {
        String password = Registration.randomToken().substring(0, 16);
        return new SynapseAdmin(web, synapse.url(), synapse.sharedSecret()).register(LOCALPART, password, true)
                .compose(session -> {
                    MatrixClient person = MatrixClient.create(vertx, web, synapse.url(), session.accessToken(),
                            session.userId(), RetryPolicy.DEFAULT);
                    return person.createRoom(space())
                            .compose(space -> person.createRoom(room(space)).compose(room -> person
                                    .sendState(space, "m.space.child", room.value(), via())
                                    .compose(ignored -> awaitJoin(person, room, System.currentTimeMillis()))
                                    .map(new DemoSpace(LOCALPART, password, space, room))));
                });
    }

    private static JsonObject space() {
        return new JsonObject()
                .put("name", DemoStrings.SPACE_NAME)
                .put("preset", "private_chat")
                .put("creation_content", new JsonObject().put("type", "m.space"));
    }

    private JsonObject room(RoomId space) {
        return new JsonObject()
                .put("name", DemoStrings.ROOM_NAME)
                .put("topic", DemoStrings.WELCOME)
                .put("preset", "private_chat")
                .put("invite", new JsonArray().add(bot.value()))
                .put("initial_state", new JsonArray().add(new JsonObject()
                        .put("type", "m.space.parent").put("state_key", space.value()).put("content", via())));
    }

    private static JsonObject via() {
        return new JsonObject().put("via", new JsonArray().add("localhost"));
    }

    /** Steward joins when its inbox handles the invite; poll the room's membership until it has. */
    private Future<Void> awaitJoin(MatrixClient person, RoomId room, long startedAt) {
        return person.stateEvent(room, "m.room.member", bot.value())
                .map(member -> member.getString("membership", ""))
                .otherwise("")
                .compose(membership -> {
                    if ("join".equals(membership)) {
                        return Future.succeededFuture();
                    }
                    if (System.currentTimeMillis() - startedAt > JOIN_WAIT_MS) {
                        return Future.failedFuture("Steward did not join the demo room within a minute");
                    }
                    Promise<Void> later = Promise.promise();
                    vertx.setTimer(200, id -> awaitJoin(person, room, startedAt).onComplete(later));
                    return later.future();
                });
    }
}
