package dev.steward.commands.prompts;

import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * A message Steward posted that waits for reactions, as stored.
 *
 * @param event Steward's message
 * @param subject what the kind needs to act on, as the kind wrote it (ids, never message text)
 * @param request the event that asked for the prompt, without its body: replies thread on it and derive their
 *     transaction ids from it
 * @param state {@link #OPEN} until the kind decides; then the kind's own word ("done", "denied"), or "expired"
 */
public record Prompt(EventId event, RoomId room, String kind, JsonObject subject, UserId requester,
        MatrixEvent request, Instant createdAt, Optional<Instant> expiresAt, String state) {
    public static final String OPEN = "open";
    public static final String EXPIRED = "expired";

    public boolean isOpen() {
        return OPEN.equals(state);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
    }
}
