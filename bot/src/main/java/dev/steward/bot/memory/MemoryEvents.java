package dev.steward.bot.memory;

import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.memory.MemoryStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What room events do to memory: a redaction forgets what came from the redacted event; Steward leaving a room starts
 * its retention ({@link Retention} forgets its memories once it is over, unless Steward is back); an ordinary message
 * is kept when the room captures messages.
 */
public final class MemoryEvents {
    private static final Logger log = LoggerFactory.getLogger(MemoryEvents.class);

    private final Vertx vertx;
    private final MemoryStore store;
    private final BotMemory memory;

    public MemoryEvents(Vertx vertx, MemoryStore store, BotMemory memory) {
        this.vertx = vertx;
        this.store = store;
        this.memory = memory;
    }

    public Future<Void> redacted(EventId event) {
        return vertx.executeBlocking(() -> store.deleteBySourceEvent(event), false)
                .onSuccess(gone -> {
                    if (!gone.isEmpty()) {
                        log.info("forgot {} memories of the redacted event {}", gone.size(), event);
                    }
                })
                .mapEmpty();
    }

    public Future<Void> left(RoomId room) {
        return vertx.executeBlocking(() -> {
            store.settings().markLeft(room);
            return null;
        }, false);
    }

    public Future<Void> joined(RoomId room) {
        return vertx.executeBlocking(() -> {
            store.settings().markRejoined(room);
            return null;
        }, false);
    }

    /** Keeps an ordinary message when its room captures messages. */
    public Future<Void> message(MatrixEvent event) {
        return vertx.executeBlocking(() -> store.settings().get(event.roomId()).capture(), false)
                .compose(capture -> capture ? memory.capture(event, Chunks.of(event.body())).mapEmpty()
                        : Future.succeededFuture());
    }
}
