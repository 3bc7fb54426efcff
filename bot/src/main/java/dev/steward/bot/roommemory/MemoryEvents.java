package dev.steward.bot.roommemory;

import dev.steward.bot.feature.RoomEvents;
import dev.steward.bot.pipeline.Route;
import dev.steward.commands.Caller;
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
final class MemoryEvents implements RoomEvents {
    private static final Logger log = LoggerFactory.getLogger(MemoryEvents.class);

    private final Vertx vertx;
    private final MemoryStore store;
    private final BotMemory memory;

    MemoryEvents(Vertx vertx, MemoryStore store, BotMemory memory) {
        this.vertx = vertx;
        this.store = store;
        this.memory = memory;
    }

    @Override
    public Future<Void> redacted(MatrixEvent redaction, EventId event) {
        return vertx.executeBlocking(() -> store.deleteBySourceEvent(event), false)
                .onSuccess(gone -> {
                    if (!gone.isEmpty()) {
                        log.info("forgot {} memories of the redacted event {}", gone.size(), event);
                    }
                })
                .mapEmpty();
    }

    @Override
    public Future<Void> left(RoomId room) {
        return vertx.executeBlocking(() -> {
            store.settings().markLeft(room);
            return null;
        }, false);
    }

    @Override
    public Future<Void> joined(MatrixEvent join, boolean firstJoin) {
        if (!firstJoin) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            store.settings().markRejoined(join.roomId());
            return null;
        }, false);
    }

    /**
     * Keeps an ordinary message when its room captures messages. Runs after the answer (if the message was a
     * request); a failure is logged, not retried, since retrying the event would ask the model (and charge the member)
     * again.
     */
    @Override
    public Future<Void> message(MatrixEvent event, Route.Chat.Trigger trigger, Caller caller) {
        return vertx.executeBlocking(() -> store.settings().get(event.roomId()).capture(), false)
                .compose(capture -> capture ? memory.capture(event, Chunks.of(event.body()), caller.policy())
                        .<Void>mapEmpty() : Future.<Void>succeededFuture())
                .recover(e -> {
                    log.warn("keeping {} in memory failed: {}", event.eventId(), e.toString());
                    return Future.succeededFuture();
                });
    }
}
