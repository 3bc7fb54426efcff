package dev.steward.bot.conversation;

import java.util.List;

/**
 * What came before a question: the room's name, the asker's display name, the earlier messages of its thread or
 * reply chain, and the room's latest other messages, each oldest first.
 */
public record Conversation(String roomName, String askerName, List<Turn> earlier, List<Turn> recent) {
    public static Conversation empty(String roomName, String askerName) {
        return new Conversation(roomName, askerName, List.of(), List.of());
    }
}
