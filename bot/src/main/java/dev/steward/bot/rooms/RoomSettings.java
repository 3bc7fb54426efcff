package dev.steward.bot.rooms;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * What admins set per room: private or not (and since when: words written while a room was private stay on local
 * models after it is no longer), and the room's default model. A room an admin never set follows
 * {@link #privateByDefault}: an end-to-end encrypted room is private until an admin says otherwise. Kept in H2, and in
 * memory because every model request reads it; loaded at start. Writes block: use a worker.
 */
public final class RoomSettings {
    /** A room's settings; {@link #DEFAULTS} for a room nobody configured. */
    public record Setting(boolean isPrivate, Optional<String> defaultModel) {
        public static final Setting DEFAULTS = new Setting(false, Optional.empty());
    }

    /** One change of a room's privacy. */
    private record Change(Instant at, boolean isPrivate) {}

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<RoomId, Setting> settings = new ConcurrentHashMap<>();
    private final Map<RoomId, List<Change>> history = new ConcurrentHashMap<>();
    // Rooms whose privacy an admin set (!private on or off); the others follow privateByDefault.
    private final Map<RoomId, Boolean> privacySet = new ConcurrentHashMap<>();
    private volatile Predicate<RoomId> privateByDefault = room -> false;

    public RoomSettings(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT room_id, is_private, default_model, private_set FROM room_setting");
                PreparedStatement changes = connection.prepareStatement(
                        "SELECT room_id, is_private, changed_at FROM room_privacy_change ORDER BY changed_at");
                ResultSet rows = select.executeQuery();
                ResultSet changeRows = changes.executeQuery()) {
            while (rows.next()) {
                settings.put(RoomId.of(rows.getString(1)),
                        new Setting(rows.getBoolean(2), Optional.ofNullable(rows.getString(3))));
                privacySet.put(RoomId.of(rows.getString(1)), rows.getBoolean(4));
            }
            while (changeRows.next()) {
                history.computeIfAbsent(RoomId.of(changeRows.getString(1)), room -> new ArrayList<>())
                        .add(new Change(changeRows.getTimestamp(3).toInstant(), changeRows.getBoolean(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the room settings failed", e);
        }
    }

    /** Rooms for which this says yes (end-to-end encrypted rooms) are private until an admin sets their privacy. */
    public void privateByDefault(Predicate<RoomId> rule) {
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

    /**
     * Whether the room was private at {@code at} (a message's time): by the last change before it; before any change,
     * as the room's default (an encrypted room was private from the start).
     */
    public boolean wasPrivateAt(RoomId room, Instant at) {
        boolean wasPrivate = privateByDefault.test(room);
        for (Change change : history.getOrDefault(room, List.of())) {
            if (change.at().isAfter(at)) {
                break;
            }
            wasPrivate = change.isPrivate();
        }
        return wasPrivate;
    }

    public Setting setPrivate(RoomId room, boolean isPrivate, UserId by) {
        Setting saved = save(room, new Setting(isPrivate, of(room).defaultModel()), true, by);
        recordChange(room, isPrivate, by);
        return saved;
    }

    public Setting setDefaultModel(RoomId room, Optional<String> model, UserId by) {
        return save(room, new Setting(of(room).isPrivate(), model), privacySet.getOrDefault(room, false), by);
    }

    private synchronized void recordChange(RoomId room, boolean isPrivate, UserId by) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO room_privacy_change"
                        + " (room_id, is_private, changed_at, changed_by) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, room.value());
            insert.setBoolean(2, isPrivate);
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setString(4, by.value());
            insert.executeUpdate();
            List<Change> changes = new ArrayList<>(history.getOrDefault(room, List.of()));
            changes.add(new Change(now, isPrivate));
            history.put(room, List.copyOf(changes));
        } catch (SQLException e) {
            throw new IllegalStateException("recording a change of privacy failed", e);
        }
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
