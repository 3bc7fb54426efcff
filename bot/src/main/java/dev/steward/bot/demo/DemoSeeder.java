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
import java.util.List;

/**
 * Seeds a small family: a parent (an admin) and a child (the child's policy), a space "Family" with a Kitchen
 * (both of them) and a Parents room (the parent only), Steward invited into the space and both rooms; waits until
 * it has joined them, then has Steward greet the Kitchen with what to try.
 */
final class DemoSeeder {
    static final String PARENT = "parent";
    static final String CHILD = "child";
    private static final long JOIN_WAIT_MS = 60_000;

    private final Vertx vertx;
    private final LocalSynapse synapse;
    private final Registration registration;
    private final UserId bot;
    private final String welcome;
    private final WebClient web;

    DemoSeeder(Vertx vertx, LocalSynapse synapse, Registration registration, UserId bot, String welcome) {
        this.vertx = vertx;
        this.synapse = synapse;
        this.registration = registration;
        this.bot = bot;
        this.welcome = welcome;
        this.web = WebClient.create(vertx);
    }

    Future<DemoSpace> seed() {
        String parentPassword = password();
        String childPassword = password();
        SynapseAdmin admin = new SynapseAdmin(web, synapse.url(), synapse.sharedSecret());
        return admin.register(PARENT, parentPassword, true).compose(parentSession -> admin
                .register(CHILD, childPassword, false).compose(childSession -> {
                    MatrixClient parent = client(parentSession);
                    MatrixClient child = client(childSession);
                    UserId childId = childSession.userId();
                    return parent.createRoom(space(childId)).compose(space -> parent
                            .createRoom(room(DemoStrings.KITCHEN, DemoStrings.KITCHEN_TOPIC, space, bot, childId))
                            .compose(kitchen -> parent
                                    .createRoom(room(DemoStrings.PARENTS, DemoStrings.PARENTS_TOPIC, space, bot))
                                    .compose(parents -> link(parent, space, kitchen, parents)
                                            .compose(ignored -> child.join(space))
                                            .compose(ignored -> child.join(kitchen))
                                            .compose(ignored -> awaitJoins(parent, List.of(space, kitchen, parents)))
                                            .compose(ignored -> greet(kitchen))
                                            .map(new DemoSpace(new DemoSpace.Login(PARENT, parentPassword),
                                                    new DemoSpace.Login(CHILD, childPassword), space, kitchen,
                                                    parents)))));
                }));
    }

    private MatrixClient client(SynapseAdmin.Session session) {
        return MatrixClient.create(vertx, web, synapse.url(), session.accessToken(), session.userId(),
                RetryPolicy.DEFAULT);
    }

    private static String password() {
        return Registration.randomToken().substring(0, 16);
    }

    /** The space lists both rooms (each room names the space too, in its initial state). */
    private static Future<Void> link(MatrixClient parent, RoomId space, RoomId kitchen, RoomId parents) {
        return parent.sendState(space, "m.space.child", kitchen.value(), via())
                .compose(ignored -> parent.sendState(space, "m.space.child", parents.value(), via()))
                .mapEmpty();
    }

    private JsonObject space(UserId child) {
        return new JsonObject()
                .put("name", DemoStrings.SPACE_NAME)
                .put("preset", "private_chat")
                .put("creation_content", new JsonObject().put("type", "m.space"))
                // Steward reads a room's space from the space's own state, so it joins the space too.
                .put("invite", new JsonArray().add(bot.value()).add(child.value()));
    }

    private static JsonObject room(String name, String topic, RoomId space, UserId... invite) {
        JsonArray invited = new JsonArray();
        for (UserId user : invite) {
            invited.add(user.value());
        }
        return new JsonObject()
                .put("name", name)
                .put("topic", topic)
                .put("preset", "private_chat")
                .put("invite", invited)
                .put("initial_state", new JsonArray().add(new JsonObject()
                        .put("type", "m.space.parent").put("state_key", space.value()).put("content", via())));
    }

    private static JsonObject via() {
        return new JsonObject().put("via", new JsonArray().add("localhost"));
    }

    private Future<Void> awaitJoins(MatrixClient person, List<RoomId> rooms) {
        long startedAt = System.currentTimeMillis();
        Future<Void> all = Future.succeededFuture();
        for (RoomId room : rooms) {
            all = all.compose(ignored -> awaitJoin(person, room, startedAt));
        }
        return all;
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
                        return Future.failedFuture("Steward did not join the demo's rooms within a minute");
                    }
                    Promise<Void> later = Promise.promise();
                    vertx.setTimer(200, id -> awaitJoin(person, room, startedAt).onComplete(later));
                    return later.future();
                });
    }

    /** Steward's first message in the Kitchen: what to try, and how to add a model when there is none. */
    private Future<Void> greet(RoomId kitchen) {
        MatrixClient steward = MatrixClient.create(vertx, web, synapse.url(), registration.asToken(), bot,
                RetryPolicy.DEFAULT);
        return steward.send(kitchen, "m.room.message", new JsonObject().put("msgtype", "m.notice")
                        .put("body", welcome), "demo-welcome-" + Registration.randomToken().substring(0, 12))
                .mapEmpty();
    }
}
