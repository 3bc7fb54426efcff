package dev.steward.bot.pipeline;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The rooms people opened as a direct chat with Steward, known from their invite's {@code is_direct} (as Element
 * sends it). Kept in H2 and in memory; blocking on writes and on the first read: use a worker.
 */
public final class DirectRooms {
    private final DataSource dataSource;
    private final Clock clock;
    private final Set<RoomId> rooms = ConcurrentHashMap.newKeySet();

    public DirectRooms(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT room_id FROM direct_room");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                rooms.add(RoomId.of(rows.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the direct rooms failed", e);
        }
    }

    public boolean isDirect(RoomId room) {
        return rooms.contains(room);
    }

    public void add(RoomId room, UserId member) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement merge = connection.prepareStatement(
                        "MERGE INTO direct_room (room_id, member, created_at) KEY (room_id) VALUES (?, ?, ?)")) {
            merge.setString(1, room.value());
            merge.setString(2, member.value());
            merge.setTimestamp(3, Timestamp.from(clock.instant()));
            merge.executeUpdate();
            rooms.add(room);
        } catch (SQLException e) {
            throw new IllegalStateException("recording a direct room failed", e);
        }
    }
}
