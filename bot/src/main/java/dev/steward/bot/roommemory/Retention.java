package dev.steward.bot.roommemory;

import dev.steward.homeserver.id.RoomId;
import dev.steward.memory.MemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forgets the memories of rooms Steward left longer ago than the configured retention. Blocking: hourly, on a worker. */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final MemoryStore store;
    private final Clock clock;
    private final Duration retention;

    public Retention(MemoryStore store, Clock clock, Duration retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    /** How many rooms' memories were forgotten. */
    public int forgetRoomsPastRetention() {
        List<RoomId> over = store.settings().roomsLeftBefore(clock.instant().minus(retention));
        for (RoomId room : over) {
            int forgotten = store.deleteRoom(room);
            log.info("forgot {} memories of {}, which Steward left more than {} days ago", forgotten, room,
                    retention.toDays());
        }
        return over.size();
    }
}
