package dev.steward.bot.crypto;

import java.time.Instant;
import java.util.Optional;

/**
 * Megolm sessions in H2: those Steward decrypts with (inbound) and its own current one per room (outbound, also
 * kept in memory). Crypto thread only.
 */
final class RoomKeyStore {
    /** A room key and who it came from: the device's Curve25519 key, its user, and its Ed25519 key. */
    record Inbound(String roomId, String sessionId, String senderKey, String senderUser, String signingKey,
            String pickle) {}

    record Outbound(String roomId, String sessionId, String pickle, Instant createdAt, int messageCount,
            String sharedWith) {}

    private final Sql sql;
    private final CryptoStore store;
    // Read for every message Steward sends in a room; written through to H2 before each send.
    private final java.util.Map<String, Outbound> outbound = new java.util.HashMap<>();

    RoomKeyStore(CryptoStore store) {
        this.sql = store.sql();
        this.store = store;
    }

    Optional<Inbound> inbound(String roomId, String sessionId) {
        return sql.one("SELECT room_id, session_id, sender_key, sender_user, signing_key, pickle"
                        + " FROM e2ee_inbound_group WHERE room_id = ? AND session_id = ?",
                row -> new Inbound(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)), roomId, sessionId);
    }

    /** Stores a room key; a key for a session already known is kept as it was (the first one wins). */
    boolean addInbound(Inbound key) {
        return sql.update("""
                MERGE INTO e2ee_inbound_group t USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(128)))) s(r, i)
                ON t.room_id = s.r AND t.session_id = s.i
                WHEN NOT MATCHED THEN INSERT (room_id, session_id, sender_key, sender_user, signing_key, pickle,
                    received_at) VALUES (s.r, s.i, ?, ?, ?, ?, ?)""",
                key.roomId(), key.sessionId(), key.senderKey(), key.senderUser(), key.signingKey(), key.pickle(),
                store.clock().instant()) > 0;
    }

    Optional<Outbound> outbound(String roomId) {
        Outbound cached = outbound.get(roomId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return sql.one("SELECT room_id, session_id, pickle, created_at, message_count, shared_with"
                        + " FROM e2ee_outbound_group WHERE room_id = ?",
                row -> new Outbound(row.getString(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toInstant(), row.getInt(5), row.getString(6)), roomId)
                .map(stored -> {
                    outbound.put(roomId, stored);
                    return stored;
                });
    }

    void saveOutbound(Outbound session) {
        sql.update("MERGE INTO e2ee_outbound_group (room_id, session_id, pickle, created_at, message_count,"
                        + " shared_with) KEY (room_id) VALUES (?, ?, ?, ?, ?, ?)",
                session.roomId(), session.sessionId(), session.pickle(), session.createdAt(), session.messageCount(),
                session.sharedWith());
        outbound.put(session.roomId(), session);
    }

    /** Forgets a room's outbound session: the next message starts a new one (rotation). */
    void dropOutbound(String roomId) {
        sql.update("DELETE FROM e2ee_outbound_group WHERE room_id = ?", roomId);
        outbound.remove(roomId);
    }
}
