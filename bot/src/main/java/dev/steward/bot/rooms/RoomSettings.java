package dev.steward.bot.rooms;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * What admins set per room: private or not, and the room's default model. Kept in H2, and in memory because every
 * model request reads it; loaded at start. Writes block: use a worker.
 */
public final class RoomSettings {
    /** A room's settings; {@link #DEFAULTS} for a room nobody configured. */
    public record Setting(boolean isPrivate, Optional<String> defaultModel) {
        public static final Setting DEFAULTS = new Setting(false, Optional.empty());
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<RoomId, Setting> settings = new ConcurrentHashMap<>();
    // Rooms whose privacy an admin set (!private on or off); the others follow privateByDefault.
    private final Map<RoomId, Boolean> privacySet = new ConcurrentHashMap<>();
    private volatile java.util.function.Predicate<RoomId> privateByDefault = room -> false;

    public RoomSettings(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT room_id, is_private, default_model, private_set FROM room_setting");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                settings.put(RoomId.of(rows.getString(1)),
                        new Setting(rows.getBoolean(2), Optional.ofNullable(rows.getString(3))));
                privacySet.put(RoomId.of(rows.getString(1)), rows.getBoolean(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the room settings failed", e);
        }
    }

    /**
     * E2EE hook (joins issue 9's sensitivity rule at merge): rooms for which this says yes (end-to-end encrypted
     * rooms) are private until an admin says {@code !private off}.
     */
    public void privateByDefault(java.util.function.Predicate<RoomId> rule) {
        this.privateByDefault = rule;
    }

    public Setting of(RoomId room) {
        Setting stored = settings.getOrDefault(room, Setting.DEFAULTS);
        if (privacySet.getOrDefault(room, false)) {
            return stored;
        }
        return new Setting(privateByDefault.test(room), stored.defaultModel());
    }

    /** Whether this room is private only by default (encrypted, and no admin has set it). */
    public boolean privateByDefaultOnly(RoomId room) {
        return !privacySet.getOrDefault(room, false) && privateByDefault.test(room);
    }

    public Setting setPrivate(RoomId room, boolean isPrivate, UserId by) {
        return save(room, new Setting(isPrivate, of(room).defaultModel()), true, by);
    }

    public Setting setDefaultModel(RoomId room, Optional<String> model, UserId by) {
        return save(room, new Setting(of(room).isPrivate(), model), privacySet.getOrDefault(room, false), by);
    }

    private synchronized Setting save(RoomId room, Setting setting, boolean privateSet, UserId by) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement merge = connection.prepareStatement("""
                        MERGE INTO room_setting (room_id, is_private, default_model, updated_by, updated_at, private_set)
                        KEY (room_id) VALUES (?, ?, ?, ?, ?, ?)""")) {
            merge.setString(1, room.value());
            merge.setBoolean(2, setting.isPrivate());
            merge.setString(3, setting.defaultModel().orElse(null));
            merge.setString(4, by.value());
            merge.setTimestamp(5, Timestamp.from(clock.instant()));
            merge.setBoolean(6, privateSet);
            merge.executeUpdate();
            settings.put(room, setting);
            privacySet.put(room, privateSet);
            return setting;
        } catch (SQLException e) {
            throw new IllegalStateException("saving a room setting failed", e);
        }
    }
}
