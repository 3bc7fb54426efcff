package dev.steward.bot.pipeline;

import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.MatrixException;
import dev.steward.homeserver.client.TxnIds;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.event.EventTypes;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.sensitivity.Reach;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Steward's own membership: accepts allowed invites, declines others, and shows its name in rooms it joins. */
public final class MembershipHandler {
    private static final Logger log = LoggerFactory.getLogger(MembershipHandler.class);
    static final String DECLINE_REASON = "Steward only joins rooms when invited by people its configuration allows";
    static final String ENCRYPTED_ROOM = dev.steward.bot.crypto.CryptoStrings.ENCRYPTION_OFF;

    private final MatrixClient bot;
    private final InvitePolicy policy;
    private final String displayName;
    private final Vertx vertx;
    private final DirectRooms directRooms;
    private final boolean readsEncryptedRooms;

    /** @param readsEncryptedRooms end-to-end encryption is on: an encrypted room needs no warning */
    public MembershipHandler(MatrixClient bot, InvitePolicy policy, String displayName, Vertx vertx,
            DirectRooms directRooms, boolean readsEncryptedRooms) {
        this.readsEncryptedRooms = readsEncryptedRooms;
        this.bot = bot;
        this.policy = policy;
        this.displayName = displayName;
        this.vertx = vertx;
        this.directRooms = directRooms;
    }

    /** Joins when the inviter is allowed, remembering a direct chat; declines (leaves) otherwise. */
    public Future<Void> invited(RoomId room, UserId inviter, boolean direct) {
        if (!policy.allows(inviter)) {
            log.info("declining the invite to {} from {}: not allowed by invites.allow", room, inviter);
            return bot.leave(room, DECLINE_REASON).mapEmpty();
        }
        log.info("accepting the invite to {} from {}{}", room, inviter, direct ? " (a direct chat)" : "");
        Future<Void> remembered = direct
                ? vertx.executeBlocking(() -> {
                    directRooms.add(room, inviter);
                    return null;
                }, false)
                : Future.succeededFuture();
        return remembered.compose(ignored -> bot.join(room)).mapEmpty();
    }

    /**
     * On a first join, tells the room when it is encrypted and encryption is off, and sets the configured
     * display name in the room when the join did not carry it, keeping the rest of the member event (avatar).
     */
    public Future<Void> joined(MatrixEvent join, boolean firstJoin) {
        Future<Void> warned = firstJoin && !readsEncryptedRooms ? warnIfEncrypted(join) : Future.succeededFuture();
        return warned.compose(ignored -> showName(join));
    }

    private Future<Void> showName(MatrixEvent join) {
        if (displayName.equals(join.content().path("displayname").asText(""))) {
            return Future.succeededFuture();
        }
        JsonObject member = new JsonObject(join.content().toString()).put("membership", "join")
                .put("displayname", displayName);
        return bot.sendState(join.roomId(), EventTypes.MEMBER, bot.self().value(), member).mapEmpty();
    }

    private Future<Void> warnIfEncrypted(MatrixEvent join) {
        return bot.stateEvent(join.roomId(), "m.room.encryption", "")
                .map(true)
                .recover(e -> e instanceof MatrixException m && m.status() == 404
                        ? Future.succeededFuture(false) : Future.failedFuture(e))
                .compose(encrypted -> encrypted
                        ? bot.send(join.roomId(), EventTypes.MESSAGE, new JsonObject()
                                .put("msgtype", EventTypes.NOTICE).put("body", ENCRYPTED_ROOM)
                                .put(StewardMark.REACH, Reach.ANYWHERE.mark()),
                                TxnIds.derive(join.eventId(), "encrypted-room")).mapEmpty()
                        : Future.succeededFuture());
    }
}
