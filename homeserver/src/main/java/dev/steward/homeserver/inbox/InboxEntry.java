package dev.steward.homeserver.inbox;

import dev.steward.homeserver.event.MatrixEvent;

/** One stored event and its place in the inbox. */
public record InboxEntry(long seq, MatrixEvent event) {}
