package dev.steward.commands.prompts;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.UserId;
import java.time.Instant;

/** One reaction on a prompt, as stored: {@code eligible} was judged when it was cast. */
public record PromptReaction(EventId event, EventId prompt, UserId reactor, String key, Instant receivedAt,
        boolean eligible) {}
