package dev.steward.bot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes forgetting erasure. H2 writes pages copy-on-write: a deleted memory or an erased message stays in the file's
 * old chunks until they are reused, so a row gone from every query may still be read off the disk. A compaction
 * rewrites the live pages and truncates the rest; H2 does it on {@code SHUTDOWN COMPACT}, and {@code compactFile} does
 * the same on an open database (measured: every copy of a deleted text gone, the database usable throughout). Writers
 * wait while it runs, so it runs only when something was forgotten since the last one (and once after each start, for
 * what a crash left), hourly and at stop. Blocking: on a worker.
 */
public final class H2Compaction {
    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    private final DataSource dataSource;
    private final Duration maxTime;
    // Starts due: what was forgotten just before a crash has not been compacted yet.
    private final AtomicBoolean due = new AtomicBoolean(true);

    /** @param maxTime how long one compaction may hold the writers up; what is left waits for the next */
    public H2Compaction(DataSource dataSource, Duration maxTime) {
        this.dataSource = dataSource;
        this.maxTime = maxTime;
    }

    /** Something was forgotten: the next run rewrites the file. Safe from any thread. */
    public void forgotten() {
        due.set(true);
    }

    /** Compacts when something was forgotten since the last run; whether it did. */
    public boolean runIfDue() {
        if (!due.getAndSet(false)) {
            return false;
        }
        try {
            compact();
            return true;
        } catch (SQLException | RuntimeException e) {
            due.set(true);
            log.warn("compacting the database failed; tried again at the next run: {}", e.toString());
            return false;
        }
    }

    private void compact() throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            session.getDatabase().getStore().compactFile((int) Math.min(Integer.MAX_VALUE, maxTime.toMillis()));
        }
        log.info("compacted the database in {} ms, so that nothing forgotten stays in its file",
                (System.nanoTime() - started) / 1_000_000);
    }
}
