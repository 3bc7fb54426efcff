package dev.steward.safety.audit;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The append-only audit log in H2. Blocking JDBC: call it from a worker thread. */
public final class AuditLog {
    private final DataSource dataSource;
    private final Clock clock;

    public AuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public void record(UserId actor, Optional<RoomId> room, String rule, String action, String detail) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO audit_log (at, actor, room, rule, action, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setString(2, actor.value());
            insert.setString(3, room.map(RoomId::value).orElse(null));
            insert.setString(4, rule);
            insert.setString(5, action);
            insert.setString(6, detail.length() > 1000 ? detail.substring(0, 1000) : detail);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the audit log failed", e);
        }
    }

    /** The latest entries, newest first. */
    public List<AuditEntry> latest(int count) {
        return select("SELECT " + COLUMNS + " FROM audit_log ORDER BY id DESC LIMIT ?", count);
    }

    /**
     * The latest entries a space's admins may read, newest first: those of the space's rooms, and those its members
     * caused in their direct chats with Steward or outside any room. An entry of another space never shows.
     */
    public List<AuditEntry> latestOf(AuditScope scope, int count) {
        return select("SELECT " + COLUMNS + " FROM audit_log WHERE room = ANY(?)"
                + " OR (actor = ANY(?) AND (room IS NULL OR room = ANY(?))) ORDER BY id DESC LIMIT ?",
                scope.rooms().toArray(String[]::new), scope.members().toArray(String[]::new),
                scope.directRooms().toArray(String[]::new), count);
    }

    private static final String COLUMNS = "id, at, actor, room, rule, action, detail";

    private List<AuditEntry> select(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                            Optional.ofNullable(rows.getString(4)), rows.getString(5), rows.getString(6),
                            rows.getString(7)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit log failed", e);
        }
    }
}
