package dev.steward.memory;

import static dev.steward.memory.TestStore.ALICE;
import static dev.steward.memory.TestStore.GARAGE;
import static dev.steward.memory.TestStore.KITCHEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.RoomId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Room settings start off, keep what was set, and track when Steward left a room for the retention clean-up. */
class MemorySettingsStoreTest {
    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;
    private JdbcConnectionPool pool;

    @BeforeEach
    void open() {
        pool = TestStore.database(dir);
    }

    @AfterEach
    void close() {
        pool.dispose();
    }

    private MemorySettingsStore at(Instant now) {
        return MemorySettingsStore.open(pool, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aRoomStartsWithEverythingOff() {
        assertThat(at(MONDAY).get(KITCHEN)).isEqualTo(MemorySettings.OFF);
    }

    @Test
    void aRoomKeepsWhatItChose() {
        MemorySettingsStore settings = at(MONDAY);

        settings.set(KITCHEN, MemorySettings.OFF.withCapture(true).withShareWithSpace(true));
        settings.set(GARAGE, MemorySettings.OFF.withCaptureAnswers(true));
        settings.set(GARAGE, settings.get(GARAGE).withCapture(true));

        assertThat(settings.get(KITCHEN)).isEqualTo(new MemorySettings(true, false, true));
        assertThat(settings.get(GARAGE)).isEqualTo(new MemorySettings(true, true, false));
    }

    @Test
    void roomsLeftLongEnoughAreListedForDeletionUntilRejoined() {
        RoomId attic = RoomId.of("!attic:family.example");
        at(MONDAY).markLeft(KITCHEN);
        at(FRIDAY).markLeft(GARAGE);
        at(FRIDAY).markLeft(KITCHEN);
        at(MONDAY).set(attic, MemorySettings.OFF.withCapture(true));

        MemorySettingsStore settings = at(FRIDAY);
        assertThat(settings.leftAt(KITCHEN)).as("the first leave counts").contains(MONDAY);
        assertThat(settings.roomsLeftBefore(MONDAY.plusSeconds(3600))).containsExactly(KITCHEN);
        assertThat(settings.roomsLeftBefore(FRIDAY.plusSeconds(1))).containsExactly(KITCHEN, GARAGE);

        settings.markRejoined(KITCHEN);
        assertThat(settings.leftAt(KITCHEN)).isEmpty();
        assertThat(settings.roomsLeftBefore(FRIDAY.plusSeconds(1))).containsExactly(GARAGE);
        assertThat(settings.leftAt(attic)).isEmpty();
    }

    @Test
    void deletingALeftRoomsMemoriesForgetsItsSettingsButAnActiveRoomKeepsThem(@TempDir Path indexes) {
        try (TestStore memories = new TestStore(indexes)) {
            MemorySettingsStore settings = memories.store.settings();
            settings.set(KITCHEN, MemorySettings.OFF.withCapture(true));
            settings.set(GARAGE, MemorySettings.OFF.withCapture(true));
            settings.markLeft(GARAGE);
            memories.remember(KITCHEN, ALICE, "Kitchen memory");
            memories.remember(GARAGE, ALICE, "Garage memory");

            assertThat(memories.store.deleteRoom(KITCHEN)).isEqualTo(1);
            assertThat(memories.store.deleteRoom(GARAGE)).isEqualTo(1);

            assertThat(settings.get(KITCHEN).capture()).isTrue();
            assertThat(settings.get(GARAGE)).isEqualTo(MemorySettings.OFF);
            assertThat(settings.roomsLeftBefore(Instant.now().plusSeconds(60))).isEmpty();
        }
    }
}
