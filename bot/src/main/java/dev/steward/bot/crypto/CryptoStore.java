package dev.steward.bot.crypto;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Steward's own keys in H2: the Olm account, sealed secrets, Olm sessions. Room keys, devices and waiting events
 * have their own stores ({@link RoomKeyStore}, {@link DeviceStore}, {@link WaitingEvents}). Pickles are encrypted
 * by vodozemac under the {@link StoreKey}; this class stores them as given. Blocking JDBC: the crypto thread only.
 */
final class CryptoStore {
    record StoredAccount(String deviceId, String pickle, boolean published) {}

    record StoredOlmSession(String sessionId, String senderKey, String pickle) {}

    private final Sql sql;
    private final Clock clock;

    CryptoStore(DataSource dataSource, Clock clock) {
        this.sql = new Sql(dataSource);
        this.clock = clock;
    }

    Sql sql() {
        return sql;
    }

    Clock clock() {
        return clock;
    }

    Optional<StoredAccount> account() {
        return sql.one("SELECT device_id, pickle, published FROM e2ee_account WHERE id = 1",
                row -> new StoredAccount(row.getString(1), row.getString(2), row.getBoolean(3)));
    }

    void saveAccount(String deviceId, String pickle, boolean published) {
        sql.update("MERGE INTO e2ee_account (id, device_id, pickle, published, updated_at) KEY (id)"
                + " VALUES (1, ?, ?, ?, ?)", deviceId, pickle, published, clock.instant());
    }

    Optional<String> secret(String name) {
        return sql.one("SELECT sealed FROM e2ee_secret WHERE name = ?", row -> row.getString(1), name);
    }

    void saveSecret(String name, String sealed) {
        sql.update("MERGE INTO e2ee_secret (name, sealed) KEY (name) VALUES (?, ?)", name, sealed);
    }

    List<StoredOlmSession> olmSessions(String senderKey) {
        return sql.list("SELECT session_id, sender_key, pickle FROM e2ee_olm_session WHERE sender_key = ?"
                        + " ORDER BY last_used DESC",
                row -> new StoredOlmSession(row.getString(1), row.getString(2), row.getString(3)), senderKey);
    }

    void saveOlmSession(String sessionId, String senderKey, String pickle) {
        sql.update("MERGE INTO e2ee_olm_session (session_id, sender_key, pickle, last_used) KEY (session_id)"
                + " VALUES (?, ?, ?, ?)", sessionId, senderKey, pickle, clock.instant());
    }
}
