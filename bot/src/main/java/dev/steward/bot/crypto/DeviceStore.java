package dev.steward.bot.crypto;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Other users' devices (as /keys/query returned them), the users whose lists Steward tracks, rooms' encryption. */
final class DeviceStore {
    record Device(String userId, String deviceId, String curve25519, String ed25519, boolean crossSigned) {
        String label() {
            return userId + " " + deviceId;
        }
    }

    private final Sql sql;

    DeviceStore(CryptoStore store) {
        this.sql = store.sql();
    }

    List<Device> devices(String userId) {
        return sql.list("SELECT user_id, device_id, curve25519, ed25519, cross_signed FROM e2ee_device"
                        + " WHERE user_id = ?", DeviceStore::device, userId);
    }

    Optional<Device> byCurveKey(String curve25519) {
        return sql.one("SELECT user_id, device_id, curve25519, ed25519, cross_signed FROM e2ee_device"
                        + " WHERE curve25519 = ?", DeviceStore::device, curve25519);
    }

    /** Replaces a user's device list with what the homeserver returned, and marks the list up to date. */
    void replaceDevices(String userId, List<Device> devices) {
        sql.update("DELETE FROM e2ee_device WHERE user_id = ?", userId);
        for (Device device : devices) {
            sql.update("MERGE INTO e2ee_device (user_id, device_id, curve25519, ed25519, cross_signed)"
                            + " KEY (user_id, device_id) VALUES (?, ?, ?, ?, ?)",
                    device.userId(), device.deviceId(), device.curve25519(), device.ed25519(), device.crossSigned());
        }
        sql.update("MERGE INTO e2ee_tracked_user (user_id, outdated) KEY (user_id) VALUES (?, FALSE)", userId);
    }

    /** Users among {@code users} whose device lists were never queried or changed since. */
    boolean isUpToDate(String userId) {
        return sql.one("SELECT outdated FROM e2ee_tracked_user WHERE user_id = ?", row -> !row.getBoolean(1), userId)
                .orElse(false);
    }

    void markOutdated(Set<String> users) {
        for (String user : users) {
            sql.update("UPDATE e2ee_tracked_user SET outdated = TRUE WHERE user_id = ?", user);
        }
    }

    Optional<String> roomEncryption(String roomId) {
        return sql.one("SELECT encryption FROM e2ee_room WHERE room_id = ?", row -> row.getString(1), roomId);
    }

    List<String[]> allRoomEncryption() {
        return sql.list("SELECT room_id, encryption FROM e2ee_room", row -> new String[] {row.getString(1),
                row.getString(2)});
    }

    void saveRoomEncryption(String roomId, String encryption) {
        sql.update("MERGE INTO e2ee_room (room_id, encryption) KEY (room_id) VALUES (?, ?)", roomId, encryption);
    }

    private static Device device(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Device(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getBoolean(5));
    }
}
