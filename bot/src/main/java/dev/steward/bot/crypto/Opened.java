package dev.steward.bot.crypto;

import dev.steward.homeserver.event.MatrixEvent;

/** An event from the inbox as the pipeline may handle it: readable, or not yet, or never. */
public sealed interface Opened {
    /** The event in the clear: as it came, or decrypted. */
    record Readable(MatrixEvent event) implements Opened {}

    /** Encrypted with a room key that has not arrived: kept, and handed to the pipeline again when it does. */
    record Waiting() implements Opened {}

    /** Encrypted and never readable (a forged or damaged event, another algorithm); the reason names no content. */
    record Unreadable(String reason) implements Opened {}
}
