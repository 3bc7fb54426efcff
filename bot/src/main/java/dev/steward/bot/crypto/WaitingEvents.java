package dev.steward.bot.crypto;

import java.time.Instant;
import java.util.List;

/**
 * Encrypted events Steward could not decrypt yet (their room key has not arrived), kept encrypted until it does,
 * and the to-device messages of appservice transactions, kept before the transaction is acknowledged.
 */
final class WaitingEvents {
    record Waiting(String eventId, String roomId, String sessionId, String eventJson, Instant firstSeen) {}

    record ToDevice(long seq, String json) {}

    private final Sql sql;
    private final CryptoStore store;

    WaitingEvents(CryptoStore store) {
        this.sql = store.sql();
        this.store = store;
    }

    /** @return true when the event was not waiting before */
    boolean add(String eventId, String roomId, String sessionId, String eventJson) {
        return sql.update("""
                MERGE INTO e2ee_waiting_event t USING (VALUES (CAST(? AS VARCHAR(255)))) s(e) ON t.event_id = s.e
                WHEN NOT MATCHED THEN INSERT (event_id, room_id, session_id, event_json, first_seen)
                    VALUES (s.e, ?, ?, ?, ?)""", eventId, roomId, sessionId, eventJson, store.clock().instant()) > 0;
    }

    void remove(String eventId) {
        sql.update("DELETE FROM e2ee_waiting_event WHERE event_id = ?", eventId);
    }

    List<Waiting> forSession(String roomId, String sessionId) {
        return sql.list("SELECT event_id, room_id, session_id, event_json, first_seen FROM e2ee_waiting_event"
                + " WHERE room_id = ? AND session_id = ? ORDER BY first_seen", WaitingEvents::waiting, roomId, sessionId);
    }

    /**
     * The oldest waiting event of each room and session that has waited since before {@code before} and whose room
     * was not told yet: one notice per missing key, however many messages it locks.
     */
    List<Waiting> dueForNotice(Instant before) {
        return sql.list("""
                SELECT w.event_id, w.room_id, w.session_id, w.event_json, w.first_seen FROM e2ee_waiting_event w
                WHERE w.first_seen < ? AND NOT EXISTS (SELECT 1 FROM e2ee_waiting_event n
                    WHERE n.room_id = w.room_id AND n.session_id = w.session_id AND n.notified)
                AND w.first_seen = (SELECT MIN(o.first_seen) FROM e2ee_waiting_event o
                    WHERE o.room_id = w.room_id AND o.session_id = w.session_id)
                ORDER BY w.first_seen""", WaitingEvents::waiting, before);
    }

    void markNotified(String eventId) {
        sql.update("UPDATE e2ee_waiting_event SET notified = TRUE WHERE event_id = ?", eventId);
    }

    /** Gives up on events whose key never came; the count is logged and counted, never the ids. */
    int expire(Instant before) {
        return sql.update("DELETE FROM e2ee_waiting_event WHERE first_seen < ?", before);
    }

    long count() {
        return sql.one("SELECT COUNT(*) FROM e2ee_waiting_event", row -> row.getLong(1)).orElse(0L);
    }

    List<Waiting> all() {
        return sql.list("SELECT event_id, room_id, session_id, event_json, first_seen FROM e2ee_waiting_event"
                + " ORDER BY first_seen", WaitingEvents::waiting);
    }

    void addToDevice(String txnId, int position, String json) {
        sql.update("""
                MERGE INTO e2ee_to_device t USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS INT))) s(x, p)
                ON t.txn_id = s.x AND t.position = s.p
                WHEN NOT MATCHED THEN INSERT (txn_id, position, event_json, received_at) VALUES (s.x, s.p, ?, ?)""",
                txnId, position, json, store.clock().instant());
    }

    List<ToDevice> pendingToDevice(int limit) {
        return sql.list("SELECT seq, event_json FROM e2ee_to_device WHERE NOT handled ORDER BY seq LIMIT ?",
                row -> new ToDevice(row.getLong(1), row.getString(2)), limit);
    }

    void toDeviceHandled(long seq) {
        sql.update("UPDATE e2ee_to_device SET handled = TRUE WHERE seq = ?", seq);
    }

    void pruneToDevice(Instant before) {
        sql.update("DELETE FROM e2ee_to_device WHERE handled AND received_at < ?", before);
    }

    private static Waiting waiting(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Waiting(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getTimestamp(5).toInstant());
    }
}
