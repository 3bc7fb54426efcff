package dev.steward.homeserver.testing;

import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.TxnIds;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** A person on the test homeserver, acting as a Matrix client would: rooms, messages, reactions, redactions. */
public final class TestPerson {
    private final Vertx vertx;
    private final MatrixClient client;

    TestPerson(Vertx vertx, MatrixClient client) {
        this.vertx = vertx;
        this.client = client;
    }

    /** A person who logged in by other means (for example with a password, as Element does). */
    public static TestPerson of(Vertx vertx, MatrixClient client) {
        return new TestPerson(vertx, client);
    }

    public UserId id() {
        return client.self();
    }

    public MatrixClient client() {
        return client;
    }

    /** A private room, with the given people invited. */
    public RoomId createRoom(String name, UserId... invite) {
        JsonArray invites = new JsonArray();
        for (UserId user : invite) {
            invites.add(user.value());
        }
        return Await.result(client.createRoom(new JsonObject().put("name", name).put("preset", "private_chat")
                .put("invite", invites)));
    }

    /** A private room to which {@code member} is invited, once {@code member} has joined it. */
    public RoomId createRoomJoinedBy(String name, UserId member) {
        RoomId room = createRoom(name, member);
        awaitMembership(room, member, "join");
        return room;
    }

    public void invite(RoomId room, UserId user) {
        Await.result(client.invite(room, user));
    }

    public EventId send(RoomId room, String body) {
        return send(room, new JsonObject().put("msgtype", "m.text").put("body", body));
    }

    public EventId send(RoomId room, JsonObject content) {
        return Await.result(client.send(room, "m.room.message", content, txn()));
    }

    public EventId react(RoomId room, EventId target, String key) {
        JsonObject relation = new JsonObject().put("rel_type", "m.annotation").put("event_id", target.value())
                .put("key", key);
        return Await.result(client.send(room, "m.reaction", new JsonObject().put("m.relates_to", relation), txn()));
    }

    public EventId redact(RoomId room, EventId target) {
        return Await.result(client.redact(room, target, null, txn()));
    }

    /** The room's latest events, oldest first. */
    public List<JsonObject> timeline(RoomId room) {
        return timeline(client.latestEvents(room, 100));
    }

    private static List<JsonObject> timeline(JsonArray newestFirst) {
        List<JsonObject> events = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            events.add(newestFirst.getJsonObject(i));
        }
        return events;
    }

    private static List<JsonObject> timeline(Future<JsonArray> newestFirst) {
        return timeline(Await.result(newestFirst));
    }

    /** Messages in the room from {@code sender}, oldest first. */
    public List<JsonObject> messagesFrom(RoomId room, UserId sender) {
        return timeline(room).stream()
                .filter(event -> "m.room.message".equals(event.getString("type")))
                .filter(event -> sender.value().equals(event.getString("sender")))
                .toList();
    }

    /** Waits until an event matching {@code match} is in the room's timeline, and returns it. */
    public JsonObject awaitEvent(RoomId room, String what, Duration timeout, Predicate<JsonObject> match) {
        return Await.until(vertx, what, timeout, () -> client.latestEvents(room, 100)
                .map(events -> timeline(events).stream().filter(match).findFirst()));
    }

    /** Waits for a message from {@code sender} that replies to {@code event}, and returns it. */
    public JsonObject awaitReply(RoomId room, UserId sender, EventId event) {
        return awaitEvent(room, "a reply from " + sender + " to " + event, Await.DEFAULT,
                candidate -> sender.value().equals(candidate.getString("sender"))
                        && event.value().equals(inReplyTo(candidate)));
    }

    /**
     * Waits for {@code sender}'s reply to {@code event} and, when it was posted while still being written (Steward
     * streams answers: the text ends with " …" until the last edit), for its final text; returns that text as a
     * client shows it, the latest edit's.
     */
    public String awaitAnswer(RoomId room, UserId sender, EventId event) {
        JsonObject reply = awaitReply(room, sender, event);
        EventId id = EventId.of(reply.getString("event_id"));
        return Await.until(vertx, "the final text of " + id, Await.DEFAULT, () -> client.event(room, id)
                .map(TestPerson::latestBody)
                .map(text -> Optional.of(text).filter(done -> !done.endsWith(" …"))));
    }

    /** The text a client shows for a message: its latest edit's (Synapse bundles it in {@code unsigned}). */
    public static String latestBody(JsonObject event) {
        JsonObject edit = event.getJsonObject("unsigned", new JsonObject())
                .getJsonObject("m.relations", new JsonObject())
                .getJsonObject("m.replace");
        if (edit != null && edit.getJsonObject("content", new JsonObject()).containsKey("m.new_content")) {
            return body(new JsonObject().put("content", edit.getJsonObject("content").getJsonObject("m.new_content")));
        }
        return body(event);
    }

    /** Waits until {@code user} has the membership in the room. */
    public void awaitMembership(RoomId room, UserId user, String membership) {
        Await.until(vertx, user + " to be '" + membership + "' in " + room, Await.DEFAULT,
                () -> client.stateEvent(room, "m.room.member", user.value())
                        .map(content -> Optional.of(content.getString("membership", "")))
                        .otherwise(Optional.of(""))
                        .map(found -> found.filter(membership::equals)));
    }

    public static String inReplyTo(JsonObject event) {
        JsonObject relation = event.getJsonObject("content", new JsonObject()).getJsonObject("m.relates_to");
        if (relation == null || relation.getJsonObject("m.in_reply_to") == null) {
            return null;
        }
        return relation.getJsonObject("m.in_reply_to").getString("event_id");
    }

    public static String body(JsonObject event) {
        return event.getJsonObject("content", new JsonObject()).getString("body", "");
    }

    private static String txn() {
        return TxnIds.derive(UUID.randomUUID().toString());
    }
}
