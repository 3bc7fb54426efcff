package dev.steward.homeserver.inbox;

import java.nio.file.Path;

/** How Steward opens its H2 database file: in one place, so the application, its tests and benchmarks agree. */
public final class H2Files {
    private H2Files() {}

    /**
     * The JDBC URL of the database at {@code file} (H2 adds {@code .mv.db}). {@code WRITE_DELAY=0}: a commit reaches
     * the file before the homeserver is told 200; with H2's default (500 ms) a killed process loses acknowledged
     * transactions ({@code InboxDurabilityTest} shows it). The JVM's shutdown closes nothing: Steward closes it.
     */
    public static String url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }
}
