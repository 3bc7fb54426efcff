package dev.steward.memory;

import dev.steward.homeserver.jdbc.Jdbc;
import dev.steward.homeserver.id.RoomId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Each room's memory settings ({@link MemorySettings}) and when Steward left it. Blocking (JDBC): call it from a worker
 * thread.
 */
public final class MemorySettingsStore {
    private static final String UPSERT = """
            MERGE INTO memory_room_settings t USING (VALUES (CAST(? AS VARCHAR(255)))) s(room_id)
            ON t.room_id = s.room_id
            WHEN MATCHED THEN UPDATE SET capture = ?, capture_answers = ?, share_with_space = ?
            WHEN NOT MATCHED THEN INSERT (room_id, capture, capture_answers, share_with_space) VALUES (s.room_id, ?, ?, ?)
            """;
    private static final String MARK_LEFT = """
            MERGE INTO memory_room_settings t USING (VALUES (CAST(? AS VARCHAR(255)))) s(room_id)
            ON t.room_id = s.room_id
            WHEN MATCHED AND t.left_at IS NULL THEN UPDATE SET left_at = ?
            WHEN NOT MATCHED THEN INSERT (room_id, left_at) VALUES (s.room_id, ?)
            """;

    private final Jdbc database;
    private final Clock clock;

    MemorySettingsStore(Jdbc database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Opens the settings alone (the {@link MemoryStore} has one too), bringing the tables up to date first. */
    public static MemorySettingsStore open(DataSource dataSource, Clock clock) {
        MemorySchema.migrate(dataSource);
        return new MemorySettingsStore(new Jdbc(dataSource), clock);
    }

    public MemorySettings get(RoomId room) {
        return database.run("reading the settings of " + room, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT capture, capture_answers, share_with_space FROM memory_room_settings WHERE room_id = ?")) {
                select.setString(1, room.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new MemorySettings(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3))
                            : MemorySettings.OFF;
                }
            }
        });
    }

    public void set(RoomId room, MemorySettings settings) {
        database.run("changing the settings of " + room, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, room.value());
                for (int offset : new int[] {2, 5}) {
                    upsert.setBoolean(offset, settings.capture());
                    upsert.setBoolean(offset + 1, settings.captureAnswers());
                    upsert.setBoolean(offset + 2, settings.shareWithSpace());
                }
                return upsert.executeUpdate();
            }
        });
    }

    /** Steward left (or was removed from) the room now; a second call keeps the first time. */
    public void markLeft(RoomId room) {
        OffsetDateTime now = Times.column(clock.instant());
        database.run("marking " + room + " left", connection -> {
            try (PreparedStatement merge = connection.prepareStatement(MARK_LEFT)) {
                merge.setString(1, room.value());
                merge.setObject(2, now);
                merge.setObject(3, now);
                return merge.executeUpdate();
            }
        });
    }

    /** Steward is back in the room: its memories are no longer waiting to be deleted. */
    public void markRejoined(RoomId room) {
        database.run("marking " + room + " rejoined", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE memory_room_settings SET left_at = NULL WHERE room_id = ?")) {
                update.setString(1, room.value());
                return update.executeUpdate();
            }
        });
    }

    public Optional<Instant> leftAt(RoomId room) {
        return database.run("reading when Steward left " + room, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT left_at FROM memory_room_settings WHERE room_id = ?")) {
                select.setString(1, room.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(Times.instant(row, 1)) : Optional.<Instant>empty();
                }
            }
        });
    }

    /** Rooms Steward left before {@code instant} and has not rejoined: their retention is over. */
    public List<RoomId> roomsLeftBefore(Instant instant) {
        return database.run("listing rooms left", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT room_id FROM memory_room_settings WHERE left_at < ? ORDER BY left_at")) {
                select.setObject(1, Times.column(instant));
                List<RoomId> rooms = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rooms.add(RoomId.of(rows.getString(1)));
                    }
                }
                return rooms;
            }
        });
    }

    /** Rooms whose new memories are stored for their space (and that Steward has not left). */
    public List<RoomId> roomsSharingWithSpace() {
        return database.run("listing rooms that share", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT room_id FROM memory_room_settings WHERE share_with_space AND left_at IS NULL")) {
                List<RoomId> rooms = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rooms.add(RoomId.of(rows.getString(1)));
                    }
                }
                return rooms;
            }
        });
    }

    /** Removes the row of a room Steward left, once its memories are gone (an active room keeps its choices). */
    static int removeIfLeft(Connection connection, RoomId room) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM memory_room_settings WHERE room_id = ? AND left_at IS NOT NULL")) {
            delete.setString(1, room.value());
            return delete.executeUpdate();
        }
    }
}
