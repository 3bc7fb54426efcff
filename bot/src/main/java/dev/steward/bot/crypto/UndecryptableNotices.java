package dev.steward.bot.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.commands.RoomReplies;
import dev.steward.homeserver.Json;
import dev.steward.homeserver.event.MatrixEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a room, once per missing room key, that a message could not be read yet (after
 * {@code encryption.undecryptable_notice_seconds}), and asks the sender's devices for the key
 * ({@code m.room_key_request}); the message is answered when its key arrives. Events whose key never came are given
 * up on after a week: counted and logged, never named.
 */
final class UndecryptableNotices {
    private static final Logger log = LoggerFactory.getLogger(UndecryptableNotices.class);
    private static final Duration GIVE_UP = Duration.ofDays(7);

    private final Vertx vertx;
    private final CryptoThread crypto;
    private final WaitingEvents waiting;
    private final RoomReplies replies;
    private final Clock clock;
    private final Duration after;
    private final CryptoMeters meters;
    private final dev.steward.homeserver.client.KeysApi keys;
    private final String deviceId;
    private long timer = -1;
    private boolean busy;

    UndecryptableNotices(Vertx vertx, CryptoThread crypto, WaitingEvents waiting, RoomReplies replies, Clock clock,
            Duration after, CryptoMeters meters, dev.steward.homeserver.client.KeysApi keys, String deviceId) {
        this.keys = keys;
        this.deviceId = deviceId;
        this.vertx = vertx;
        this.crypto = crypto;
        this.waiting = waiting;
        this.replies = replies;
        this.clock = clock;
        this.after = after;
        this.meters = meters;
    }

    void start() {
        long period = Math.max(500, Math.min(after.toMillis() / 2, 15_000));
        timer = vertx.setPeriodic(period, id -> tick());
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void tick() {
        if (busy) {
            return;
        }
        busy = true;
        crypto.run(() -> {
            int expired = waiting.expire(clock.instant().minus(GIVE_UP));
            if (expired > 0) {
                meters.keysNeverArrived(expired);
                log.warn("gave up on {} encrypted events whose room keys never arrived", expired);
            }
            meters.waitingNow(waiting.count());
            return waiting.dueForNotice(clock.instant().minus(after));
        }).compose(this::notify).onComplete(done -> {
            busy = false;
            if (done.failed()) {
                log.warn("telling rooms about unreadable messages failed: {}", done.cause().toString());
            }
        });
    }

    /** Asks every device of the sender for the missing room key; their client answers with a forwarded key. */
    private Future<Void> requestKey(MatrixEvent source) {
        var content = source.content();
        io.vertx.core.json.JsonObject request = new io.vertx.core.json.JsonObject()
                .put("action", "request").put("requesting_device_id", deviceId)
                .put("request_id", java.util.UUID.randomUUID().toString())
                .put("body", new io.vertx.core.json.JsonObject().put("algorithm", Vodozemac.MEGOLM)
                        .put("room_id", source.roomId().value())
                        .put("sender_key", content.path("sender_key").asText(""))
                        .put("session_id", content.path("session_id").asText("")));
        return keys.sendToDevice("m.room_key_request", "stw-keyreq-" + request.getString("request_id"),
                new io.vertx.core.json.JsonObject().put(source.sender().value(),
                        new io.vertx.core.json.JsonObject().put("*", request)));
    }

    private Future<Void> notify(List<WaitingEvents.Waiting> due) {
        Future<Void> chain = Future.succeededFuture();
        for (WaitingEvents.Waiting event : due) {
            chain = chain.compose(done -> {
                MatrixEvent source;
                try {
                    JsonNode json = Json.MAPPER.readTree(event.eventJson());
                    source = MatrixEvent.from(json);
                } catch (Exception e) {
                    return crypto.run(() -> waiting.markNotified(event.eventId()));
                }
                // Marked first: a crash between the two loses a notice rather than repeating it.
                return crypto.run(() -> waiting.markNotified(event.eventId()))
                        .compose(marked -> replies.notice(source, "undecryptable", CryptoStrings.UNDECRYPTABLE))
                        .onSuccess(sent -> meters.undecryptableNotice())
                        .compose(sent -> requestKey(source).otherwiseEmpty())
                        .mapEmpty();
            });
        }
        return chain;
    }
}
