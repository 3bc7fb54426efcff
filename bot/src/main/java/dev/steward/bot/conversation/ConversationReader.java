package dev.steward.bot.conversation;

import dev.steward.bot.pipeline.StewardMark;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the conversation a question belongs to through the client-server API: its thread (root and replies), or
 * the chain of messages it replies to, then the room's latest messages. Commands and edits are left out, and an
 * edited message counts with its latest text. Reading context is best effort: a failure gives less context, never
 * a failed request.
 */
public final class ConversationReader {
    private static final Logger log = LoggerFactory.getLogger(ConversationReader.class);
    // Each hop is a request to the homeserver; a longer chain is better read as a thread.
    private static final int MAX_REPLY_HOPS = 10;

    private final MatrixClient bot;
    private final RoomNames names;
    private final String commandPrefix;
    private final int threadMessages;
    private final int recentMessages;

    public ConversationReader(MatrixClient bot, RoomNames names, String commandPrefix, int threadMessages,
            int recentMessages) {
        this.bot = bot;
        this.names = names;
        this.commandPrefix = commandPrefix;
        this.threadMessages = threadMessages;
        this.recentMessages = recentMessages;
    }

    public Future<Conversation> read(MatrixEvent question) {
        return names.of(question.roomId()).compose(roomNames -> {
            String asker = roomNames.nameOf(question.sender().value());
            return earlier(question)
                    .compose(earlier -> recent(question, earlier).map(recent -> new Conversation(roomNames.roomName(),
                            asker, turns(earlier, roomNames), turns(recent, roomNames))))
                    .recover(e -> {
                        log.warn("reading the conversation of {} failed: {}", question.eventId(), e.getMessage());
                        return Future.succeededFuture(Conversation.empty(roomNames.roomName(), asker));
                    });
        });
    }

    private Future<List<JsonObject>> earlier(MatrixEvent question) {
        if (threadMessages == 0) {
            return Future.succeededFuture(List.of());
        }
        if ("m.thread".equals(question.relationType()) && question.relatesTo().isPresent()) {
            return thread(question);
        }
        return question.inReplyTo().map(replied -> replyChain(question.roomId(), replied, new ArrayList<>()))
                .orElseGet(() -> Future.succeededFuture(List.of()));
    }

    private Future<List<JsonObject>> thread(MatrixEvent question) {
        RoomId room = question.roomId();
        EventId root = question.relatesTo().orElseThrow();
        return bot.event(room, root).compose(rootEvent -> bot.relations(room, root, "m.thread", null).map(replies -> {
            List<JsonObject> events = new ArrayList<>();
            events.add(rootEvent);
            List<JsonObject> newestFirst = objects(replies);
            Collections.reverse(newestFirst);
            events.addAll(newestFirst);
            return lastOf(events.stream().filter(event -> before(event, question)).toList(), threadMessages);
        }));
    }

    private Future<List<JsonObject>> replyChain(RoomId room, EventId replied, List<JsonObject> newestFirst) {
        if (newestFirst.size() >= Math.min(threadMessages, MAX_REPLY_HOPS)) {
            return Future.succeededFuture(oldestFirst(newestFirst));
        }
        return bot.event(room, replied).compose(event -> {
            newestFirst.add(event);
            Optional<String> next = Optional.ofNullable(event.getJsonObject("content", new JsonObject())
                    .getJsonObject("m.relates_to", new JsonObject())
                    .getJsonObject("m.in_reply_to", new JsonObject()).getString("event_id"));
            return next.map(id -> replyChain(room, EventId.of(id), newestFirst))
                    .orElseGet(() -> Future.succeededFuture(oldestFirst(newestFirst)));
        }, e -> Future.succeededFuture(oldestFirst(newestFirst)));
    }

    private Future<List<JsonObject>> recent(MatrixEvent question, List<JsonObject> earlier) {
        if (recentMessages == 0) {
            return Future.succeededFuture(List.of());
        }
        Set<String> seen = new HashSet<>();
        earlier.forEach(event -> seen.add(event.getString("event_id")));
        // Commands, edits and thread replies are skipped below, so ask for more than will be kept.
        return bot.latestEvents(question.roomId(), recentMessages * 2 + 10).map(events -> {
            List<JsonObject> kept = objects(events).stream()
                    .filter(event -> !seen.contains(event.getString("event_id")))
                    .filter(event -> before(event, question))
                    .filter(event -> !"m.thread".equals(relation(event)))
                    .toList();
            return lastOf(oldestFirst(new ArrayList<>(kept)), recentMessages);
        });
    }

    private List<Turn> turns(List<JsonObject> events, RoomNames.Names roomNames) {
        List<Turn> turns = new ArrayList<>();
        for (JsonObject event : events) {
            Optional<UserId> sender = sender(event);
            if (sender.isEmpty()) {
                continue;
            }
            TurnText.of(event, commandPrefix).ifPresent(text -> {
                boolean fromSteward = sender.get().equals(bot.self());
                JsonObject content = TurnText.latestContent(event);
                turns.add(new Turn(roomNames.nameOf(sender.get().value()), fromSteward, text, sender.get(),
                        Instant.ofEpochMilli(event.getLong("origin_server_ts", 0L)),
                        fromSteward ? StewardMark.reachIn(content) : Optional.empty(),
                        fromSteward ? StewardMark.answeredIn(content) : Optional.empty()));
            });
        }
        return turns;
    }

    private static Optional<UserId> sender(JsonObject event) {
        try {
            return Optional.of(UserId.of(event.getString("sender", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean before(JsonObject event, MatrixEvent question) {
        return !question.eventId().value().equals(event.getString("event_id"))
                && event.getLong("origin_server_ts", 0L) <= question.originServerTs();
    }

    static String relation(JsonObject event) {
        return event.getJsonObject("content", new JsonObject()).getJsonObject("m.relates_to", new JsonObject())
                .getString("rel_type");
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> objects = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.getValue(i) instanceof JsonObject object) {
                objects.add(object);
            }
        }
        return objects;
    }

    private static List<JsonObject> oldestFirst(List<JsonObject> newestFirst) {
        List<JsonObject> copy = new ArrayList<>(newestFirst);
        Collections.reverse(copy);
        return copy;
    }

    private static <T> List<T> lastOf(List<T> list, int count) {
        return list.size() <= count ? list : list.subList(list.size() - count, list.size());
    }
}
