package dev.steward.safety.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The periods budgets reset on, at midnight and on the first of the month in the space's time zone. */
public enum Period {
    DAY, MONTH;

    LocalDate start(Instant at, ZoneId zone) {
        LocalDate date = at.atZone(zone).toLocalDate();
        return this == DAY ? date : date.withDayOfMonth(1);
    }

    /** When the period holding {@code at} ends: the member's budget is new from then on. */
    public ZonedDateTime resetsAt(Instant at, ZoneId zone) {
        LocalDate start = start(at, zone);
        LocalDate next = this == DAY ? start.plusDays(1) : start.plusMonths(1);
        return next.atStartOfDay(zone);
    }

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
