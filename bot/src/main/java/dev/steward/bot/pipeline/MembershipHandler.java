package dev.steward.bot.pipeline;

import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.event.EventTypes;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Steward's own membership: accepts allowed invites, declines others, and shows its name in rooms it joins. */
public final class MembershipHandler {
    private static final Logger log = LoggerFactory.getLogger(MembershipHandler.class);
    static final String DECLINE_REASON = "Steward only joins rooms when invited by people its configuration allows";

    private final MatrixClient bot;
    private final InvitePolicy policy;
    private final String displayName;

    public MembershipHandler(MatrixClient bot, InvitePolicy policy, String displayName) {
        this.bot = bot;
        this.policy = policy;
        this.displayName = displayName;
    }

    public Future<Void> invited(RoomId room, UserId inviter) {
        if (!policy.allows(inviter)) {
            log.info("declining the invite to {} from {}: not allowed by invites.allow", room, inviter);
            return bot.leave(room, DECLINE_REASON).mapEmpty();
        }
        log.info("accepting the invite to {} from {}", room, inviter);
        return bot.join(room).mapEmpty();
    }

    /** Sets the configured display name in the room when the join did not carry it already. */
    public Future<Void> joined(RoomId room, String currentDisplayName) {
        if (displayName.equals(currentDisplayName)) {
            return Future.succeededFuture();
        }
        JsonObject member = new JsonObject().put("membership", "join").put("displayname", displayName);
        return bot.sendState(room, EventTypes.MEMBER, bot.self().value(), member).mapEmpty();
    }
}
