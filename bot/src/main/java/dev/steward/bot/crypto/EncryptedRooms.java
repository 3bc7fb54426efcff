package dev.steward.bot.crypto;

import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.MatrixException;
import dev.steward.homeserver.event.EventTypes;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.RoomId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which rooms are encrypted and how (their {@code m.room.encryption}), who is in them and what history they let
 * members see: read from the homeserver once per room and kept up to date from the room's own events, which every
 * pass through {@link RoomDecryptor} before the pipeline routes them. Safe from any thread.
 */
final class EncryptedRooms {
    static final String ENCRYPTION = "m.room.encryption";
    private static final String HISTORY = "m.room.history_visibility";

    private final MatrixClient bot;
    private final CryptoThread crypto;
    private final DeviceStore store;
    private final Map<RoomId, JsonObject> encryption = new ConcurrentHashMap<>();
    private final Set<RoomId> checked = ConcurrentHashMap.newKeySet();
    private final Map<RoomId, Map<String, String>> members = new ConcurrentHashMap<>();
    private final Map<RoomId, String> history = new ConcurrentHashMap<>();

    EncryptedRooms(MatrixClient bot, CryptoThread crypto, DeviceStore store) {
        this.bot = bot;
        this.crypto = crypto;
        this.store = store;
    }

    /** Loads what the store knows (crypto thread). */
    void load() {
        for (String[] row : store.allRoomEncryption()) {
            encryption.put(RoomId.of(row[0]), new JsonObject(row[1]));
        }
    }

    /** Whether a room is known to be encrypted, without asking the homeserver (the privacy default reads this). */
    boolean knownEncrypted(RoomId room) {
        return encryption.containsKey(room);
    }

    Optional<JsonObject> settings(RoomId room) {
        return Optional.ofNullable(encryption.get(room));
    }

    /** Whether a room is encrypted; the homeserver is asked once per room and run, then the room's events tell. */
    Future<Boolean> isEncrypted(RoomId room) {
        if (encryption.containsKey(room) || checked.contains(room)) {
            return Future.succeededFuture(encryption.containsKey(room));
        }
        return bot.stateEvent(room, ENCRYPTION, "")
                .compose(content -> remember(room, content).map(true))
                .recover(e -> e instanceof MatrixException m && (m.status() == 404 || m.status() == 403)
                        ? Future.succeededFuture(false) : Future.failedFuture(e))
                .onSuccess(known -> checked.add(room));
    }

    /** Keeps what a room event says about encryption, membership or history visibility. */
    Future<Void> observe(MatrixEvent event) {
        if (!event.isState()) {
            return Future.succeededFuture();
        }
        String stateKey = event.stateKey().orElse("");
        switch (event.type()) {
            case ENCRYPTION -> {
                checked.add(event.roomId());
                return remember(event.roomId(), new JsonObject(event.content().toString()));
            }
            case HISTORY -> history.put(event.roomId(), event.content().path("history_visibility").asText("shared"));
            case EventTypes.MEMBER -> {
                Map<String, String> known = members.get(event.roomId());
                if (known != null) {
                    known.put(stateKey, event.membership());
                }
                if (stateKey.equals(bot.self().value()) && "join".equals(event.membership())) {
                    // Steward just joined: a room encrypted before it came must be known before it answers there.
                    checked.remove(event.roomId());
                    return isEncrypted(event.roomId()).mapEmpty();
                }
            }
            default -> { }
        }
        return Future.succeededFuture();
    }

    /**
     * Who gets Steward's room keys: the joined members, and the invited ones unless the room shows history to
     * joined members only.
     */
    Future<Set<String>> recipients(RoomId room) {
        return roomMembers(room).compose(byUser -> historyVisibility(room).map(visibility -> byUser.entrySet().stream()
                .filter(entry -> "join".equals(entry.getValue())
                        || ("invite".equals(entry.getValue()) && !"joined".equals(visibility)))
                .map(Map.Entry::getKey).collect(Collectors.toSet())));
    }

    private Future<Map<String, String>> roomMembers(RoomId room) {
        Map<String, String> known = members.get(room);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return bot.keys().members(room).map(answer -> {
            Map<String, String> byUser = new ConcurrentHashMap<>();
            answer.getJsonArray("chunk").forEach(item -> {
                JsonObject member = (JsonObject) item;
                byUser.put(member.getString("state_key"), member.getJsonObject("content", new JsonObject())
                        .getString("membership", "leave"));
            });
            members.put(room, byUser);
            return byUser;
        });
    }

    private Future<String> historyVisibility(RoomId room) {
        String known = history.get(room);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return bot.stateEvent(room, HISTORY, "").map(content -> content.getString("history_visibility", "shared"))
                .otherwise("shared").onSuccess(visibility -> history.put(room, visibility));
    }

    private Future<Void> remember(RoomId room, JsonObject content) {
        if (!Vodozemac.MEGOLM.equals(content.getString("algorithm"))) {
            return Future.succeededFuture();
        }
        encryption.put(room, content);
        return crypto.run(() -> store.saveRoomEncryption(room.value(), content.encode()));
    }
}
