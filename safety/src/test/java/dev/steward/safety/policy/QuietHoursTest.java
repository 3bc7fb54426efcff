package dev.steward.safety.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuietHoursTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static List<Arguments> cases() {
        return List.of(
                argumentSet("overnight, late evening", "21:00-07:00", "2026-07-01T20:30:00Z", true),
                argumentSet("overnight, early morning", "21:00-07:00", "2026-07-01T04:59:00Z", true),
                argumentSet("overnight, the end is free", "21:00-07:00", "2026-07-01T05:00:00Z", false),
                argumentSet("overnight, afternoon", "21:00-07:00", "2026-07-01T12:00:00Z", false),
                argumentSet("the start is quiet", "21:00-07:00", "2026-07-01T19:00:00Z", true),
                argumentSet("within one day", "13:00-15:00", "2026-01-10T13:30:00Z", true),
                argumentSet("within one day, outside", "13:00-15:00", "2026-01-10T15:30:00Z", false),
                argumentSet("off", "off", "2026-01-10T22:00:00Z", false));
    }

    /** Berlin is UTC+2 in July and UTC+1 in January: the zone decides, not UTC. */
    @ParameterizedTest
    @MethodSource("cases")
    void theWindowIsReadInTheSpacesZone(String window, String instant, boolean quiet) {
        assertThat(QuietHours.parse(window, BERLIN).contains(Instant.parse(instant))).isEqualTo(quiet);
    }
}
