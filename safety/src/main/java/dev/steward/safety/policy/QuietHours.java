package dev.steward.safety.policy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A daily window in which requests are refused politely, in the space's time zone. A window whose end is before its
 * start runs over midnight (21:00-07:00); equal start and end means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {
    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("UTC"));

    /** Whether {@code at} falls in the window: start inclusive, end exclusive. */
    public boolean contains(Instant at) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime local = at.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /** When the window ends, for the refusal ("ask again after 07:00"). */
    public LocalTime endsAt() {
        return end;
    }

    /**
     * Reads {@code HH:MM-HH:MM} (or {@code off}) in the given zone.
     *
     * @throws IllegalArgumentException with a message a person can act on
     */
    public static QuietHours parse(String text, ZoneId zone) {
        String value = text.strip();
        if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("none")) {
            return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
        }
        String[] parts = value.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("quiet hours look like 21:00-07:00 (or off), got '" + text + "'");
        }
        try {
            return new QuietHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()), zone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("quiet hours look like 21:00-07:00 (or off), got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return start.equals(end) ? "off" : start + "-" + end;
    }
}
