package dev.steward.bot.gateway;

import dev.steward.bot.pipeline.StewardMark;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.TxnIds;
import dev.steward.homeserver.event.EventTypes;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.RoomId;
import dev.steward.safety.sensitivity.Reach;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the admins' room (when config names one) that a member's message matched the self-harm filter: who and
 * where, never the message itself. One notice per source event, however often it is handled.
 */
public final class MatrixAdminAlerts implements RequestGuard.AdminAlerts {
    private static final Logger log = LoggerFactory.getLogger(MatrixAdminAlerts.class);

    private final MatrixClient bot;
    private final Optional<RoomId> adminRoom;

    public MatrixAdminAlerts(MatrixClient bot, Optional<RoomId> adminRoom) {
        this.bot = bot;
        this.adminRoom = adminRoom;
    }

    @Override
    public void selfHarm(MatrixEvent event) {
        // Who needs support is itself sensitive: read back as context, the alert stays on local models.
        adminRoom.ifPresent(room -> bot.send(room, EventTypes.MESSAGE, StewardMark.put(new JsonObject()
                        .put("msgtype", EventTypes.NOTICE)
                        .put("body", alert(event)), Reach.LOCAL, event.sender()),
                        TxnIds.derive(event.eventId(), "self-harm-alert"))
                .onFailure(e -> log.error("the self-harm alert for {} could not be posted: {}", event.eventId(),
                        e.getMessage())));
    }

    static String alert(MatrixEvent event) {
        return "A member may need support: a request by " + event.sender() + " in " + event.roomId()
                + " matched the self-harm filter. They were answered with a supportive message. The message itself"
                + " is not copied here; please reach out to them.";
    }
}
