package dev.steward.homeserver.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.homeserver.Json;
import dev.steward.homeserver.event.InvalidEventException;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable transaction inbox. A transaction's events are committed here before the homeserver is told 200,
 * and the pipeline takes them from here, so an acknowledged event survives any crash and is handled at least once.
 *
 * <p>Every method blocks on JDBC: call it from a worker thread, never the event loop.
 */
public final class Inbox {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final String DUPLICATE_KEY = "23505";

    private static final String INSERT_TRANSACTION =
            "INSERT INTO as_transaction (txn_id, received_at, event_count) VALUES (?, ?, ?)";
    // An event id seen before (Synapse may resend an event in a new transaction) keeps its first row and state.
    // Events are found by event_key, the UTF-8 bytes of the id (see V1__inbox.sql).
    private static final String INSERT_EVENT = """
            MERGE INTO inbox_event t
            USING (VALUES (CAST(? AS VARBINARY(255)))) s(event_key) ON t.event_key = s.event_key
            WHEN NOT MATCHED THEN INSERT (event_key, event_id, room_id, event_type, txn_id, event_json, received_at)
                VALUES (s.event_key, ?, ?, ?, ?, ?, ?)
            """;
    private static final String SELECT_PENDING = """
            SELECT seq, event_json FROM inbox_event
            WHERE handled_at IS NULL AND seq > ? ORDER BY seq LIMIT ?
            """;

    private final DataSource dataSource;
    private final Clock clock;
    // One writer at a time, fair so that transactions are stored in the order they arrived. Concurrent H2 writers
    // contend on the same index pages and wait for each other's page writes: measured on two cores, six concurrent
    // writers stored no more events per second than one, and their slowest commits (p99) took ten times longer.
    private final ReentrantLock writer = new ReentrantLock(true);

    private Inbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Opens the inbox, bringing its tables up to date first. */
    public static Inbox open(DataSource dataSource, Clock clock) {
        migrate(dataSource);
        return new Inbox(dataSource, clock);
    }

    static void migrate(DataSource dataSource) {
        // Each module keeps its own schema history, so modules migrate independently in one database.
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/homeserver")
                .table("flyway_homeserver")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /**
     * Stores a transaction and its events in one database transaction.
     *
     * @return {@code false} when this transaction id was stored before (nothing is written again)
     */
    public boolean store(String txnId, List<MatrixEvent> events) {
        // Serialized before taking the writer lock, so that callers do it in parallel.
        List<String> json = events.stream().map(event -> event.raw().toString()).toList();
        Timestamp now = Timestamp.from(clock.instant());
        writer.lock();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!insertTransaction(connection, txnId, events.size(), now)) {
                    connection.rollback();
                    return false;
                }
                insertEvents(connection, txnId, events, json, now);
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new InboxException("storing transaction " + txnId + " failed", e);
        } finally {
            writer.unlock();
        }
    }

    private static boolean insertTransaction(Connection connection, String txnId, int count, Timestamp now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TRANSACTION)) {
            insert.setString(1, txnId);
            insert.setTimestamp(2, now);
            insert.setInt(3, count);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static void insertEvents(Connection connection, String txnId, List<MatrixEvent> events, List<String> json,
            Timestamp now) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
            for (int i = 0; i < events.size(); i++) {
                MatrixEvent event = events.get(i);
                insert.setBytes(1, key(event.eventId()));
                insert.setString(2, event.eventId().value());
                insert.setString(3, event.roomId().value());
                insert.setString(4, event.type());
                insert.setString(5, txnId);
                insert.setString(6, json.get(i));
                insert.setTimestamp(7, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static byte[] key(EventId eventId) {
        return eventId.value().getBytes(StandardCharsets.UTF_8);
    }

    /** Events not handled yet, oldest first, after the given sequence number. */
    public List<InboxEntry> pending(long afterSeq, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
            select.setLong(1, afterSeq);
            select.setInt(2, limit);
            List<InboxEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    readEntry(rows.getLong(1), rows.getString(2), entries);
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new InboxException("reading pending events failed", e);
        }
    }

    private void readEntry(long seq, String json, List<InboxEntry> into) {
        try {
            into.add(new InboxEntry(seq, MatrixEvent.from(Json.MAPPER.readTree(json))));
        } catch (JsonProcessingException | InvalidEventException e) {
            // Only valid events are stored, so this means the row was damaged: skip it rather than stall the queue.
            log.error("inbox row {} cannot be read and is skipped: {}", seq, e.getMessage());
            markDone(seq, "unreadable: " + e.getMessage());
        }
    }

    /** Records that the pipeline is done with an event, so it is never handled again. */
    public void markHandled(EventId eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE inbox_event SET handled_at = ?, attempts = attempts + 1 WHERE event_key = ?")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setBytes(2, key(eventId));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new InboxException("marking " + eventId + " handled failed", e);
        }
    }

    /**
     * Records a failed attempt. The event stays pending until {@code maxAttempts} is reached, then it is closed with
     * its error so that one poisonous event cannot block the inbox forever.
     *
     * @return true when the event will be tried again
     */
    public boolean markFailed(EventId eventId, String error, int maxAttempts) {
        String shortError = error == null ? "" : error.substring(0, Math.min(error.length(), 1000));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        UPDATE inbox_event SET attempts = attempts + 1, last_error = ?,
                            handled_at = CASE WHEN attempts + 1 >= ? THEN ? ELSE NULL END
                        WHERE event_key = ?""")) {
            update.setString(1, shortError);
            update.setInt(2, maxAttempts);
            update.setTimestamp(3, Timestamp.from(clock.instant()));
            update.setBytes(4, key(eventId));
            update.executeUpdate();
            return attempts(connection, eventId) < maxAttempts;
        } catch (SQLException e) {
            throw new InboxException("recording a failure of " + eventId + " failed", e);
        }
    }

    private static int attempts(Connection connection, EventId eventId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT attempts FROM inbox_event WHERE event_key = ?")) {
            select.setBytes(1, key(eventId));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : Integer.MAX_VALUE;
            }
        }
    }

    private void markDone(long seq, String error) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE inbox_event SET handled_at = ?, last_error = ? WHERE seq = ?")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setString(2, error.substring(0, Math.min(error.length(), 1000)));
            update.setLong(3, seq);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new InboxException("closing inbox row " + seq + " failed", e);
        }
    }

    /**
     * Removes what was said in a stored event (it was redacted), keeping what identifies it: its id still
     * recognises a resent copy, and a pending one is still handled, as the empty event it now is. Nothing when the
     * event is not stored. The old text stays in the database file's free pages until it is compacted.
     */
    public void eraseContent(EventId eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT event_json FROM inbox_event WHERE event_key = ?");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE inbox_event SET event_json = ? WHERE event_key = ?")) {
            select.setBytes(1, key(eventId));
            String json;
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return;
                }
                json = rows.getString(1);
            }
            update.setString(1, withoutContent(json));
            update.setBytes(2, key(eventId));
            update.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new InboxException("erasing the content of " + eventId + " failed", e);
        }
    }

    private static String withoutContent(String json) throws JsonProcessingException {
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(json);
        ObjectNode kept = Json.object();
        for (String field : List.of("event_id", "type", "room_id", "sender", "state_key", "origin_server_ts")) {
            if (event.has(field)) {
                kept.set(field, event.get(field));
            }
        }
        kept.putObject("content");
        return kept.toString();
    }

    /** Whether an event was already handled (used to never answer an old event twice). */
    public boolean isHandled(EventId eventId) {
        return queryLong("SELECT COUNT(*) FROM inbox_event WHERE event_key = ? AND handled_at IS NOT NULL",
                key(eventId)) > 0;
    }

    /** How many events wait to be handled. */
    public long pendingCount() {
        return queryLong("SELECT COUNT(*) FROM inbox_event WHERE handled_at IS NULL", null);
    }

    /** Deletes handled events and transactions older than the given instant; returns the number of events. */
    public int prune(Instant before) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement events = connection.prepareStatement(
                        "DELETE FROM inbox_event WHERE handled_at IS NOT NULL AND handled_at < ?");
                PreparedStatement transactions = connection.prepareStatement(
                        "DELETE FROM as_transaction WHERE received_at < ?")) {
            events.setTimestamp(1, Timestamp.from(before));
            transactions.setTimestamp(1, Timestamp.from(before));
            int deleted = events.executeUpdate();
            transactions.executeUpdate();
            return deleted;
        } catch (SQLException e) {
            throw new InboxException("pruning the inbox failed", e);
        }
    }

    private long queryLong(String sql, byte[] parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setBytes(1, parameter);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new InboxException("reading the inbox failed", e);
        }
    }
}
