package dev.steward.safety.budget;

import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.jdbc.Jdbc;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Members' budgets: reserve an estimate before a model call, settle it with the real usage after. A member's
 * reservations are taken one at a time (a lock per member, then one database transaction), so two requests at the
 * edge of a budget can never both pass. Blocking (JDBC): call it from a worker thread.
 */
public final class Budgets {
    /** By default a member is told once per period when they pass this share of a limit. */
    public static final BigDecimal DEFAULT_WARN_SHARE = new BigDecimal("0.8");

    private final Jdbc jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final BigDecimal warnShare;
    private final Map<UserId, Object> locks = new ConcurrentHashMap<>();

    public Budgets(DataSource dataSource, Clock clock, ZoneId zone) {
        this(dataSource, clock, zone, DEFAULT_WARN_SHARE);
    }

    public Budgets(DataSource dataSource, Clock clock, ZoneId zone, BigDecimal warnShare) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.zone = zone;
        this.warnShare = warnShare;
    }

    public BudgetDecision reserve(UserId member, Limits limits, Usage estimate) {
        synchronized (locks.computeIfAbsent(member, key -> new Object())) {
            Instant now = clock.instant();
            return inTransaction(connection -> {
                Map<Period, Usage> spent = new EnumMap<>(Period.class);
                for (Period period : Period.values()) {
                    Usage already = spent(connection, member, period, now);
                    if (passes(already.plus(estimate), limits.of(period))) {
                        return new BudgetDecision.OverBudget(period, period.resetsAt(now, zone));
                    }
                    spent.put(period, already);
                }
                Optional<Period> warn = Optional.empty();
                for (Period period : Period.values()) {
                    add(connection, member, period, period.start(now, zone), estimate.tokens(), estimate.cost());
                    if (warn.isEmpty() && nearing(spent.get(period).plus(estimate), limits.of(period))
                            && markWarned(connection, member, period, now)) {
                        warn = Optional.of(period);
                    }
                }
                return new BudgetDecision.Reserved(insertReservation(connection, member, estimate, now), warn);
            });
        }
    }

    /** Replaces a reservation's estimate by the real usage; settling twice changes nothing. */
    public void settle(long reservationId, Usage actual) {
        inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT member, day_start, month_start, tokens, cost FROM budget_reservation
                    WHERE id = ? AND settled_at IS NULL FOR UPDATE""")) {
                select.setLong(1, reservationId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    UserId member = UserId.of(row.getString(1));
                    long tokens = actual.tokens() - row.getLong(4);
                    BigDecimal cost = actual.cost().subtract(row.getBigDecimal(5));
                    add(connection, member, Period.DAY, row.getDate(2).toLocalDate(), tokens, cost);
                    add(connection, member, Period.MONTH, row.getDate(3).toLocalDate(), tokens, cost);
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE budget_reservation SET settled_at = ? WHERE id = ?")) {
                update.setTimestamp(1, Timestamp.from(clock.instant()));
                update.setLong(2, reservationId);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** What the member has spent in the current day and month, reservations included. */
    public Map<Period, Usage> spent(UserId member) {
        Instant now = clock.instant();
        return inTransaction(connection -> {
            Map<Period, Usage> spent = new EnumMap<>(Period.class);
            for (Period period : Period.values()) {
                spent.put(period, spent(connection, member, period, now));
            }
            return spent;
        });
    }

    /**
     * Whether the member has used the warning share (80% by default) of a daily or monthly budget: routing then
     * prefers the cheapest model they may use.
     */
    public boolean nearLimit(UserId member, Limits limits) {
        Map<Period, Usage> spent = spent(member);
        return java.util.Arrays.stream(Period.values()).anyMatch(period -> nearing(spent.get(period), limits.of(period)));
    }

    public ZoneId zone() {
        return zone;
    }

    private static boolean passes(Usage total, Usage limit) {
        return (limit.tokens() > 0 && total.tokens() > limit.tokens())
                || (limit.cost().signum() > 0 && total.cost().compareTo(limit.cost()) > 0);
    }

    private boolean nearing(Usage total, Usage limit) {
        return (limit.tokens() > 0 && total.tokens() >= warnShare.multiply(BigDecimal.valueOf(limit.tokens()))
                .longValue())
                || (limit.cost().signum() > 0 && total.cost().compareTo(warnShare.multiply(limit.cost())) >= 0);
    }

    private Usage spent(Connection connection, UserId member, Period period, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tokens, cost FROM budget_spend WHERE member = ? AND period = ? AND period_start = ?")) {
            select.setString(1, member.value());
            select.setString(2, period.column());
            select.setDate(3, Date.valueOf(period.start(now, zone)));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Usage(Math.max(0, row.getLong(1)), row.getBigDecimal(2).max(BigDecimal.ZERO))
                        : Usage.NONE;
            }
        }
    }

    private static void add(Connection connection, UserId member, Period period, java.time.LocalDate start,
            long tokens, BigDecimal cost) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement("""
                MERGE INTO budget_spend t
                USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(8)), CAST(? AS DATE))) s(member, period, start)
                ON t.member = s.member AND t.period = s.period AND t.period_start = s.start
                WHEN MATCHED THEN UPDATE SET tokens = t.tokens + ?, cost = t.cost + ?
                WHEN NOT MATCHED THEN INSERT (member, period, period_start, tokens, cost)
                    VALUES (s.member, s.period, s.start, ?, ?)""")) {
            merge.setString(1, member.value());
            merge.setString(2, period.column());
            merge.setDate(3, Date.valueOf(start));
            merge.setLong(4, tokens);
            merge.setBigDecimal(5, cost);
            merge.setLong(6, tokens);
            merge.setBigDecimal(7, cost);
            merge.executeUpdate();
        }
    }

    private boolean markWarned(Connection connection, UserId member, Period period, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE budget_spend SET warned = TRUE
                WHERE member = ? AND period = ? AND period_start = ? AND warned = FALSE""")) {
            update.setString(1, member.value());
            update.setString(2, period.column());
            update.setDate(3, Date.valueOf(period.start(now, zone)));
            return update.executeUpdate() == 1;
        }
    }

    private long insertReservation(Connection connection, UserId member, Usage estimate, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO budget_reservation (member, day_start, month_start, tokens, cost, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", new String[] {"ID"})) {
            insert.setString(1, member.value());
            insert.setDate(2, Date.valueOf(Period.DAY.start(now, zone)));
            insert.setDate(3, Date.valueOf(Period.MONTH.start(now, zone)));
            insert.setLong(4, estimate.tokens());
            insert.setBigDecimal(5, estimate.cost());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private <T> T inTransaction(Jdbc.Work<T> work) {
        return jdbc.inTransaction("the budget store", work);
    }
}
