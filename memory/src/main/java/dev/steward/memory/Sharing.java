package dev.steward.memory;

/**
 * Who a memory was meant for when it was stored: its room only, or also the other rooms of the room's space.
 * A search names which rooms it may see in full and from which rooms it may see only shared memories
 * ({@link Scope}); this module never decides who may read.
 */
public enum Sharing {
    ROOM,
    SPACE
}
