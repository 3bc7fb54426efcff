package dev.steward.safety.policy;

import dev.steward.homeserver.id.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Per-member overrides in H2, so that {@code !policy set} survives a restart. Blocking JDBC: use a worker. */
public final class OverrideStore {
    private final DataSource dataSource;
    private final Clock clock;

    public OverrideStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public PolicyValues overridesOf(UserId member) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT policy_key, value_text FROM policy_override WHERE member = ? ORDER BY policy_key")) {
            select.setString(1, member.value());
            Map<String, String> raw = new LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    raw.put(rows.getString(1), rows.getString(2));
                }
            }
            return PolicyValues.parse(raw, "stored overrides of " + member);
        } catch (SQLException e) {
            throw new IllegalStateException("reading overrides failed", e);
        }
    }

    public <T> void set(UserId member, PolicyKey<T> key, T value, UserId by) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement merge = connection.prepareStatement("""
                        MERGE INTO policy_override (member, policy_key, value_text, set_by, set_at)
                        KEY (member, policy_key) VALUES (?, ?, ?, ?, ?)""")) {
            merge.setString(1, member.value());
            merge.setString(2, key.name());
            merge.setString(3, key.show(value));
            merge.setString(4, by.value());
            merge.setTimestamp(5, Timestamp.from(clock.instant()));
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing an override failed", e);
        }
    }

    /** Removes one override, or all of a member's when {@code key} is empty; returns how many were removed. */
    public int reset(UserId member, Optional<PolicyKey<?>> key) {
        String sql = key.isPresent()
                ? "DELETE FROM policy_override WHERE member = ? AND policy_key = ?"
                : "DELETE FROM policy_override WHERE member = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, member.value());
            if (key.isPresent()) {
                delete.setString(2, key.get().name());
            }
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("removing overrides failed", e);
        }
    }
}
