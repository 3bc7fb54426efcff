package dev.steward.bot.pipeline;

import dev.steward.bot.rooms.RoomStates;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Direct chats with Steward. A room is one when it was opened as a direct chat (its invite's {@code is_direct}, as
 * Element sends it, or Steward opened it) and it still has two members, Steward and the person: the inviter's flag
 * alone is not believed, since every message of a direct chat is a model request. Kept in H2 and in memory.
 */
public final class DirectRooms {
    private final Vertx vertx;
    private final DataSource dataSource;
    private final Clock clock;
    private final MatrixClient bot;
    private final RoomStates states;
    private final Map<RoomId, UserId> rooms = new ConcurrentHashMap<>();

    /** Blocking (reads the table): build it on a worker. */
    public DirectRooms(Vertx vertx, DataSource dataSource, Clock clock, MatrixClient bot, RoomStates states) {
        this.vertx = vertx;
        this.dataSource = dataSource;
        this.clock = clock;
        this.bot = bot;
        this.states = states;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT room_id, member FROM direct_room");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                rooms.put(RoomId.of(rows.getString(1)), UserId.of(rows.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the direct rooms failed", e);
        }
    }

    /** Whether the room is a direct chat now: opened as one, and only Steward and the person in it. */
    public Future<Boolean> isDirect(RoomId room) {
        UserId member = rooms.get(room);
        if (member == null) {
            return Future.succeededFuture(false);
        }
        return states.members(room).map(members -> members.size() == 2 && members.contains(member)
                && members.contains(bot.self())).otherwise(false);
    }

    /** Every room opened as a direct chat (whether it still is one), for filtering what belongs to whom. */
    public List<RoomId> all() {
        return List.copyOf(rooms.keySet());
    }

    /** Records a room opened as a direct chat with {@code member}. Blocking: call it from a worker. */
    public void add(RoomId room, UserId member) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement merge = connection.prepareStatement(
                        "MERGE INTO direct_room (room_id, member, created_at) KEY (room_id) VALUES (?, ?, ?)")) {
            merge.setString(1, room.value());
            merge.setString(2, member.value());
            merge.setTimestamp(3, Timestamp.from(clock.instant()));
            merge.executeUpdate();
            rooms.put(room, member);
        } catch (SQLException e) {
            throw new IllegalStateException("recording a direct room failed", e);
        }
    }

    /**
     * A direct chat with {@code member}: one that still is, or a new one Steward opens and invites them to (they see
     * it as a direct chat, and what Steward posts there waits for them).
     */
    public Future<RoomId> with(UserId member) {
        return existing(member, List.copyOf(rooms.entrySet().stream()
                .filter(entry -> entry.getValue().equals(member)).map(Map.Entry::getKey).toList()), 0)
                .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> open(member)));
    }

    private Future<Optional<RoomId>> existing(UserId member, List<RoomId> candidates, int index) {
        if (index == candidates.size()) {
            return Future.succeededFuture(Optional.empty());
        }
        RoomId room = candidates.get(index);
        return isDirect(room).compose(direct -> direct ? Future.succeededFuture(Optional.of(room))
                : existing(member, candidates, index + 1));
    }

    private Future<RoomId> open(UserId member) {
        return bot.createRoom(new JsonObject()
                        .put("preset", "trusted_private_chat")
                        .put("is_direct", true)
                        .put("invite", new JsonArray().add(member.value())))
                .compose(room -> vertx.executeBlocking(() -> {
                    add(room, member);
                    return room;
                }, false));
    }
}
