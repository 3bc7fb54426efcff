package dev.steward.memory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code TIMESTAMP WITH TIME ZONE} columns as {@link OffsetDateTime}: {@code java.sql.Timestamp}
 * goes through the JVM's local time, which has no answer for the hour repeated when clocks go back.
 */
final class Times {
    private Times() {}

    static OffsetDateTime column(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The instant in column {@code index}, or null when the column is NULL. */
    static Instant instant(ResultSet row, int index) throws SQLException {
        OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
