package dev.steward.memory;

import dev.steward.homeserver.jdbc.Jdbc;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code memories} table: the source of truth the index is rebuilt from. */
final class MemoryTable {
    private static final String COLUMNS = "id, room_id, author, source_event, created_at, text, kind, sharing";
    private static final String INSERT = """
            INSERT INTO memories (room_id, author, source_event, created_at, text, kind, sharing, local_only)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    /** A condition on rows: the SQL after WHERE with one parameter, and its value. */
    record Where(String sql, Object value) {
        static Where id(long id) {
            return new Where("id = ?", id);
        }

        static Where sourceEvent(EventId event) {
            return new Where("source_event = ?", event.value());
        }

        static Where room(RoomId room) {
            return new Where("room_id = ?", room.value());
        }

        static Where author(UserId author) {
            return new Where("author = ?", author.value());
        }
    }

    private final Jdbc database;

    MemoryTable(Jdbc database) {
        this.database = database;
    }

    Memory insert(NewMemory memory, Instant now) {
        // The column keeps microseconds: the memory returned is the one a later read gives.
        Instant createdAt = now.truncatedTo(ChronoUnit.MICROS);
        long id = database.run("storing a memory in " + memory.room(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, memory.room().value());
                insert.setString(2, memory.author().value());
                insert.setString(3, memory.sourceEvent().map(EventId::value).orElse(null));
                insert.setObject(4, Times.column(createdAt));
                insert.setString(5, memory.text());
                insert.setString(6, memory.kind().name());
                insert.setString(7, memory.sharing().name());
                insert.setBoolean(8, memory.localOnly());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new Memory(id, memory.room(), memory.author(), memory.sourceEvent(), createdAt, memory.text(),
                memory.kind(), memory.sharing());
    }

    List<Memory> select(Where where) {
        return database.run("reading memories", connection -> select(connection, where));
    }

    static List<Memory> select(Connection connection, Where where) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM memories WHERE " + where.sql() + " ORDER BY id")) {
            select.setObject(1, where.value());
            return read(select);
        }
    }

    /** The rows of these ids that still exist, and (with {@code pendingOnly}) are not embedded yet. */
    List<Memory> load(Collection<Long> ids, boolean pendingOnly) {
        return database.run("reading memories", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM memories WHERE id = ANY(?)" + (pendingOnly ? " AND embedded = FALSE" : "")
                    + " ORDER BY id")) {
                select.setArray(1, ids(connection, ids));
                return read(select);
            }
        });
    }

    Set<Long> existing(Connection connection, Collection<Long> ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM memories WHERE id = ANY(?)")) {
            select.setArray(1, ids(connection, ids));
            Set<Long> found = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
            }
            return found;
        }
    }

    /** Up to {@code limit} memories after id {@code after} still waiting for their vector, oldest first. */
    List<Long> pendingIds(long after, int limit) {
        return database.run("listing memories to embed", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM memories WHERE embedded = FALSE AND id > ? ORDER BY id LIMIT ?")) {
                select.setLong(1, after);
                select.setInt(2, limit);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    long pendingCount() {
        return database.run("counting memories to embed", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT COUNT(*) FROM memories WHERE embedded = FALSE");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** Of these ids, those that may only go to local models; one not judged yet counts as local. */
    Set<Long> localOnly(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return database.run("reading where memories may go", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM memories WHERE id = ANY(?) AND (local_only IS NULL OR local_only)")) {
                select.setArray(1, ids(connection, ids));
                Set<Long> local = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        local.add(rows.getLong(1));
                    }
                }
                return local;
            }
        });
    }

    /** Memories stored before their reach was recorded, up to {@code limit}. */
    List<Memory> unjudged(int limit) {
        return database.run("reading memories to judge", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM memories WHERE local_only IS NULL ORDER BY id LIMIT ?")) {
                select.setInt(1, limit);
                return read(select);
            }
        });
    }

    void setLocalOnly(long id, boolean localOnly) {
        database.run("recording where a memory may go", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE memories SET local_only = ? WHERE id = ?")) {
                update.setBoolean(1, localOnly);
                update.setLong(2, id);
                return update.executeUpdate();
            }
        });
    }

    static void setEmbedded(Connection connection, Collection<Long> ids, boolean embedded) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE memories SET embedded = ? WHERE id = ANY(?)")) {
            update.setBoolean(1, embedded);
            update.setArray(2, ids(connection, ids));
            update.executeUpdate();
        }
    }

    /**
     * Deletes rows. H2 writes pages copy-on-write: the file keeps the bytes of the old pages (and so the text) until
     * the space is reused or the database is compacted ({@code SHUTDOWN COMPACT}); no query returns them.
     */
    static void delete(Connection connection, Collection<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM memories WHERE id = ANY(?)")) {
            delete.setArray(1, ids(connection, ids));
            delete.executeUpdate();
        }
    }

    Counts counts(RoomId room) {
        return database.run("counting the memories of " + room, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT kind, embedded, COUNT(*) FROM memories WHERE room_id = ? GROUP BY kind, embedded")) {
                select.setString(1, room.value());
                Map<MemoryKind, Long> byKind = new EnumMap<>(MemoryKind.class);
                long embedded = 0;
                long pending = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long count = rows.getLong(3);
                        byKind.merge(MemoryKind.valueOf(rows.getString(1)), count, Long::sum);
                        if (rows.getBoolean(2)) {
                            embedded += count;
                        } else {
                            pending += count;
                        }
                    }
                }
                return new Counts(embedded + pending, byKind, embedded, pending);
            }
        });
    }

    /** Every row's id and embedded flag, in id order, for the check against the index at start. */
    Map<Long, Boolean> embeddedFlags() {
        return database.run("reading the memory ids", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, embedded FROM memories");
                    ResultSet rows = select.executeQuery()) {
                Map<Long, Boolean> flags = new HashMap<>();
                while (rows.next()) {
                    flags.put(rows.getLong(1), rows.getBoolean(2));
                }
                return flags;
            }
        });
    }

    private static Array ids(Connection connection, Collection<Long> ids) throws SQLException {
        return connection.createArrayOf("BIGINT", ids.toArray());
    }

    private static List<Memory> read(PreparedStatement select) throws SQLException {
        List<Memory> memories = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                memories.add(new Memory(rows.getLong(1), RoomId.of(rows.getString(2)), UserId.of(rows.getString(3)),
                        Optional.ofNullable(rows.getString(4)).map(EventId::of), Times.instant(rows, 5),
                        rows.getString(6), MemoryKind.valueOf(rows.getString(7)),
                        Sharing.valueOf(rows.getString(8))));
            }
        }
        return memories;
    }
}
