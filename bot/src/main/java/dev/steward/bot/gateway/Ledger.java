package dev.steward.bot.gateway;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** The ledger of model calls in H2: one row per attempt. Blocking (JDBC): call it from a worker thread. */
public final class Ledger {
    /** One attempt: who, where, which model, usage, cost, latency, why it was routed there, and how it ended. */
    public record Entry(Instant at, String member, String room, String sourceEvent, String model, String provider,
            long tokensIn, long tokensOut, boolean tokensEstimated, BigDecimal cost, long latencyMs,
            String routeReason, int fallbacksTried, String redactions, String outcome, OptionalLong firstTokenMs) {}

    private final DataSource dataSource;

    private Ledger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Ledger open(DataSource dataSource) {
        dev.steward.bot.BotSchema.migrate(dataSource);
        return new Ledger(dataSource);
    }

    public void record(Entry entry) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO ai_interaction (at, member, room, source_event, model, provider, tokens_in,
                            tokens_out, tokens_estimated, cost, latency_ms, route_reason, fallbacks_tried, redactions,
                            outcome, first_token_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setTimestamp(1, Timestamp.from(entry.at()));
            insert.setString(2, entry.member());
            insert.setString(3, entry.room());
            insert.setString(4, entry.sourceEvent());
            insert.setString(5, entry.model());
            insert.setString(6, entry.provider());
            insert.setLong(7, entry.tokensIn());
            insert.setLong(8, entry.tokensOut());
            insert.setBoolean(9, entry.tokensEstimated());
            insert.setBigDecimal(10, entry.cost());
            insert.setLong(11, entry.latencyMs());
            insert.setString(12, entry.routeReason());
            insert.setInt(13, entry.fallbacksTried());
            insert.setString(14, entry.redactions());
            insert.setString(15, entry.outcome());
            if (entry.firstTokenMs().isPresent()) {
                insert.setLong(16, entry.firstTokenMs().getAsLong());
            } else {
                insert.setNull(16, java.sql.Types.BIGINT);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the ledger failed", e);
        }
    }

    private static OptionalLong firstToken(ResultSet rows) throws SQLException {
        long value = rows.getLong(16);
        return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** The attempts made for one source event, oldest first. */
    public List<Entry> forEvent(String sourceEvent) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT at, member, room, source_event, model, provider, tokens_in, tokens_out,
                            tokens_estimated, cost, latency_ms, route_reason, fallbacks_tried, redactions, outcome,
                            first_token_ms
                        FROM ai_interaction WHERE source_event = ? ORDER BY id""")) {
            select.setString(1, sourceEvent);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getTimestamp(1).toInstant(), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getLong(7), rows.getLong(8),
                            rows.getBoolean(9), rows.getBigDecimal(10), rows.getLong(11), rows.getString(12),
                            rows.getInt(13), rows.getString(14), rows.getString(15), firstToken(rows)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ledger failed", e);
        }
    }
}
