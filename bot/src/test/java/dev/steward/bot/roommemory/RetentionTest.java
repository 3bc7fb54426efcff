package dev.steward.bot.roommemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.memory.MemoryKind;
import dev.steward.memory.MemoryStore;
import dev.steward.memory.MiniLmEmbedder;
import dev.steward.memory.NewMemory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import dev.steward.homeserver.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    private static final RoomId LEFT = RoomId.of("!left:example.org");
    private static final RoomId BACK = RoomId.of("!back:example.org");
    private static final UserId ALICE = UserId.of("@alice:example.org");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-01T12:00:00Z"));

    @Test
    void aLeftRoomsMemoriesGoWhenTheRetentionIsOverUnlessStewardIsBack(@TempDir Path dir) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(H2Files.url(dir.resolve("steward")));
        try (MiniLmEmbedder embedder = new MiniLmEmbedder();
                MemoryStore store = MemoryStore.open(dir.resolve("index"), dataSource, embedder, clock)) {
            store.add(NewMemory.of(LEFT, ALICE, EventId.of("$a"), "Bin day is Thursday", MemoryKind.EXPLICIT));
            store.add(NewMemory.of(BACK, ALICE, EventId.of("$b"), "The vet opens at eight", MemoryKind.EXPLICIT));
            store.settings().markLeft(LEFT);
            store.settings().markLeft(BACK);
            Retention retention = new Retention(store, clock, Duration.ofDays(30));

            clock.advance(Duration.ofDays(29));
            assertThat(retention.forgetRoomsPastRetention()).isZero();
            store.settings().markRejoined(BACK);
            clock.advance(Duration.ofDays(2));

            assertThat(retention.forgetRoomsPastRetention()).isEqualTo(1);
            assertThat(store.counts(LEFT).total()).isZero();
            assertThat(store.counts(BACK).total()).isEqualTo(1);
        }
    }
}
