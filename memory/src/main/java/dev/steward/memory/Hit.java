package dev.steward.memory;

/** A memory found by a search, with the score it was ranked by (higher is better; comparable within one search). */
public record Hit(Memory memory, double score) {}
