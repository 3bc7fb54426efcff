package dev.steward.bot.conversation;

/** One earlier message as a model sees it: who wrote it (a display name), whether that was Steward, and its text. */
public record Turn(String name, boolean fromSteward, String text) {}
