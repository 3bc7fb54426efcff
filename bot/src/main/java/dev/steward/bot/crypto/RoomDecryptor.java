package dev.steward.bot.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.homeserver.Json;
import dev.steward.homeserver.event.MatrixEvent;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the events of the inbox before the router sees them: an {@code m.room.encrypted} event is decrypted with
 * its Megolm session, checked (the room it claims, the sender the room key came from, no replayed message index)
 * and handed on as the event it carries; one whose key has not arrived waits in {@link WaitingEvents}. Nothing
 * decrypted is stored or logged here.
 */
final class RoomDecryptor {
    private static final int REPLAY_WINDOW = 100_000;

    private final CryptoThread crypto;
    private final RoomKeys keys;
    private final WaitingEvents waiting;
    private final EncryptedRooms rooms;
    private final CryptoMeters meters;
    private final Set<String> waitingIds = ConcurrentHashMap.newKeySet();
    // Which event used each message index of a session: another event at the same index is a replay.
    private final Map<String, String> indexes = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REPLAY_WINDOW;
        }
    };

    RoomDecryptor(CryptoThread crypto, RoomKeys keys, WaitingEvents waiting, EncryptedRooms rooms,
            CryptoMeters meters) {
        this.crypto = crypto;
        this.keys = keys;
        this.waiting = waiting;
        this.rooms = rooms;
        this.meters = meters;
    }

    /** Remembers which events wait (crypto thread, at start). */
    void load() {
        waiting.all().forEach(event -> waitingIds.add(event.eventId()));
    }

    Future<Opened> open(MatrixEvent event) {
        return rooms.observe(event).compose(observed -> {
            if (!"m.room.encrypted".equals(event.type())) {
                return Future.succeededFuture(new Opened.Readable(event));
            }
            return crypto.run(() -> openOnCryptoThread(event));
        });
    }

    /** Decrypts without keeping anything (events read back from the homeserver: history, relations). */
    Future<Optional<MatrixEvent>> peek(MatrixEvent event) {
        return crypto.run(() -> decrypt(event) instanceof Opened.Readable readable ? Optional.of(readable.event())
                : Optional.<MatrixEvent>empty());
    }

    // Package-private for the decryption benchmark, which runs it on the crypto thread as open() does.
    Opened openOnCryptoThread(MatrixEvent event) {
        Opened opened = decrypt(event);
        String id = event.eventId().value();
        switch (opened) {
            case Opened.Readable readable -> {
                meters.decrypted();
                if (waitingIds.remove(id)) {
                    waiting.remove(id);
                    meters.lateKeyArrived();
                }
            }
            case Opened.Waiting wait -> {
                if (waitingIds.add(id) && waiting.add(id, event.roomId().value(), sessionId(event),
                        event.raw().toString())) {
                    meters.waiting();
                }
            }
            case Opened.Unreadable unreadable -> meters.unreadable();
        }
        return opened;
    }

    private Opened decrypt(MatrixEvent event) {
        JsonNode content = event.content();
        if (!Vodozemac.MEGOLM.equals(content.path("algorithm").asText())) {
            return new Opened.Unreadable("not Megolm");
        }
        String sessionId = sessionId(event);
        Optional<RoomKeys.Loaded> loaded = keys.inbound(event.roomId().value(), sessionId);
        if (loaded.isEmpty()) {
            return new Opened.Waiting();
        }
        if (!loaded.get().origin().senderUser().equals(event.sender().value())) {
            return new Opened.Unreadable("sent by someone else than the room key's owner");
        }
        try {
            var message = Vodozemac.DRIVER.getMegolm().getMessage().invoke(content.path("ciphertext").asText());
            var decrypted = loaded.get().session().decrypt(message);
            String previous;
            synchronized (indexes) {
                previous = indexes.putIfAbsent(sessionId + "|" + decrypted.getMessageIndex(), event.eventId().value());
            }
            if (previous != null && !previous.equals(event.eventId().value())) {
                return new Opened.Unreadable("a replayed message index");
            }
            return readable(event, Json.MAPPER.readTree(decrypted.getPlaintext()));
        } catch (IOException e) {
            return new Opened.Unreadable("the decrypted payload is not JSON");
        } catch (RuntimeException e) {
            // vodozemac's errors say why (an index before the session's first known one, a bad MAC): never content.
            return new Opened.Unreadable("Megolm decryption failed");
        }
    }

    private static Opened readable(MatrixEvent event, JsonNode payload) {
        if (!event.roomId().value().equals(payload.path("room_id").asText())
                || !payload.path("type").isTextual() || !payload.path("content").isObject()) {
            return new Opened.Unreadable("the payload names another room or has no type");
        }
        ObjectNode raw = event.raw().deepCopy();
        ObjectNode content = ((ObjectNode) payload.get("content")).deepCopy();
        // Relations stay outside the ciphertext so the homeserver can aggregate them (spec: "m.relates_to").
        if (!content.has("m.relates_to") && event.content().has("m.relates_to")) {
            content.set("m.relates_to", event.content().get("m.relates_to"));
        }
        raw.put("type", payload.get("type").asText());
        raw.set("content", content);
        return new Opened.Readable(MatrixEvent.from(raw));
    }

    private static String sessionId(MatrixEvent event) {
        return event.content().path("session_id").asText("");
    }
}
