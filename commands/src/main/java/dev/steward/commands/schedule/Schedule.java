package dev.steward.commands.schedule;

import dev.steward.homeserver.jdbc.Jdbc;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one durable schedule: due times in H2, read against one clock. A tick (every second) compares the clock with
 * the earliest due time it knows, so the database is asked only when something is due; due jobs run one after
 * another, and each is recorded done once it succeeded. A failed job is tried again with a growing pause. A job that
 * is due while Steward is stopped runs at the next start.
 */
public final class Schedule {
    private static final Logger log = LoggerFactory.getLogger(Schedule.class);
    private static final int BATCH = 100;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofMinutes(10);

    private record Due(String job, String subject, int attempts) {}

    private final Vertx vertx;
    private final Jdbc jdbc;
    private final Clock clock;
    private final Map<String, ScheduledJob> jobs = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    // The earliest due time of a job not done; null when none. Read on every tick, so the database is not.
    private volatile Instant nextDue;
    // Set by every change after the last read of the schedule: the next tick reads it again, so a job scheduled while
    // a run was reading is not missed.
    private volatile boolean changed;
    private long timer = -1;

    public Schedule(Vertx vertx, Jdbc jdbc, Clock clock) {
        this.vertx = vertx;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Schedule register(ScheduledJob job) {
        if (jobs.putIfAbsent(job.name(), job) != null) {
            throw new IllegalStateException("two scheduled jobs are named '" + job.name() + "'");
        }
        return this;
    }

    /** Starts ticking, after reading the earliest due time (blocking: call it from a worker, at start). */
    public void start(Duration tick) {
        nextDue = earliest().orElse(null);
        timer = vertx.setPeriodic(tick.toMillis(), id -> {
            Instant due = nextDue;
            if (changed || (due != null && !clock.instant().isBefore(due))) {
                runDue();
            }
        });
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Schedules {@code job} for {@code subject} at {@code due}; a pending one for the same subject is moved there. */
    public Future<Void> at(String job, String subject, Instant due) {
        if (!jobs.containsKey(job)) {
            return Future.failedFuture(new IllegalArgumentException("no scheduled job '" + job + "'"));
        }
        return vertx.executeBlocking(() -> {
            jdbc.run("scheduling " + job, connection -> {
                try (PreparedStatement merge = connection.prepareStatement("""
                        MERGE INTO scheduled_job t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(255))))
                            s(job, subject) ON t.job = s.job AND t.subject = s.subject
                        WHEN MATCHED AND t.done_at IS NULL THEN UPDATE SET due_at = ?
                        WHEN NOT MATCHED THEN INSERT (job, subject, due_at) VALUES (s.job, s.subject, ?)""")) {
                    merge.setString(1, job);
                    merge.setString(2, subject);
                    merge.setTimestamp(3, Timestamp.from(due));
                    merge.setTimestamp(4, Timestamp.from(due));
                    return merge.executeUpdate();
                }
            });
            changed = true;
            return null;
        }, false);
    }

    /** Drops a pending job (an acknowledged incident needs no escalation); nothing when there is none. */
    public Future<Void> cancel(String job, String subject) {
        return vertx.executeBlocking(() -> jdbc.run("cancelling " + job, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM scheduled_job WHERE job = ? AND subject = ? AND done_at IS NULL")) {
                delete.setString(1, job);
                delete.setString(2, subject);
                delete.executeUpdate();
                return null;
            }
        }), false);
    }

    /** Runs every job due now, one after another; how many ran. Ticks call it; so can tests with a set clock. */
    public Future<Integer> runDue() {
        if (!running.compareAndSet(false, true)) {
            return Future.succeededFuture(0);
        }
        changed = false;
        return vertx.executeBlocking(this::due, false)
                .compose(due -> runEach(due, 0, 0))
                .compose(ran -> vertx.executeBlocking(() -> {
                    nextDue = earliest().orElse(null);
                    return ran;
                }, false))
                .onFailure(e -> log.warn("running the schedule failed: {}", e.toString()))
                .onComplete(done -> running.set(false));
    }

    private Future<Integer> runEach(List<Due> due, int index, int ran) {
        if (index == due.size()) {
            return Future.succeededFuture(ran);
        }
        Due next = due.get(index);
        ScheduledJob job = jobs.get(next.job());
        if (job == null) {
            log.warn("a scheduled job '{}' is due, but nothing runs it in this version; it waits", next.job());
            return runEach(due, index + 1, ran);
        }
        Future<Void> result;
        try {
            result = job.run(next.subject());
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        return result.transform(outcome -> vertx.executeBlocking(() -> {
            if (outcome.succeeded()) {
                markDone(next);
            } else {
                log.warn("scheduled job {} failed (attempt {}), tried again later: {}", next.job(),
                        next.attempts() + 1, outcome.cause().toString());
                retryLater(next);
            }
            return null;
        }, false)).compose(recorded -> runEach(due, index + 1, ran + 1));
    }

    private List<Due> due() {
        return jdbc.run("reading due jobs", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT job, subject, attempts"
                    + " FROM scheduled_job WHERE done_at IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT ?")) {
                select.setTimestamp(1, Timestamp.from(clock.instant()));
                select.setInt(2, BATCH);
                List<Due> due = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Due(rows.getString(1), rows.getString(2), rows.getInt(3)));
                    }
                }
                return due;
            }
        });
    }

    private void markDone(Due due) {
        jdbc.run("recording a job done", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE scheduled_job SET done_at = ?, attempts = attempts + 1 WHERE job = ? AND subject = ?")) {
                update.setTimestamp(1, Timestamp.from(clock.instant()));
                update.setString(2, due.job());
                update.setString(3, due.subject());
                return update.executeUpdate();
            }
        });
    }

    private void retryLater(Due due) {
        long pause = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(due.attempts(), 10));
        jdbc.run("rescheduling a failed job", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE scheduled_job"
                    + " SET attempts = attempts + 1, due_at = ? WHERE job = ? AND subject = ? AND done_at IS NULL")) {
                update.setTimestamp(1, Timestamp.from(clock.instant().plusMillis(pause)));
                update.setString(2, due.job());
                update.setString(3, due.subject());
                return update.executeUpdate();
            }
        });
    }

    private Optional<Instant> earliest() {
        return jdbc.run("reading the schedule", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MIN(due_at) FROM scheduled_job WHERE done_at IS NULL");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                Timestamp due = rows.getTimestamp(1);
                return Optional.ofNullable(due).map(Timestamp::toInstant);
            }
        });
    }
}
