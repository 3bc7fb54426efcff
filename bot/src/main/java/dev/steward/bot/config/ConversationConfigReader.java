package dev.steward.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.homeserver.id.RoomId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code conversation}: the system prompts and how much earlier conversation a model request carries. */
final class ConversationConfigReader {
    /** {date}, {room}, {role} and {member} are filled in per request. */
    static final String DEFAULT_PROMPT = """
            You are Steward, an assistant in the Matrix room "{room}" of a family or a team. Today is {date}. You are \
            talking with {member}, whose role here is {role}. Answer briefly and kindly, in the language of the \
            question. Earlier messages are labelled with their sender's name. Placeholders such as [EMAIL_1] stand \
            for personal data; keep them as they are.""";

    private ConversationConfigReader() {}

    static StewardConfig.Conversation read(ConfigReader reader) {
        String prompt = reader.string("conversation.system_prompt", DEFAULT_PROMPT);
        Map<RoomId, String> rooms = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : reader.entries("conversation.room_prompts")) {
            RoomId room = reader.parsed("conversation.room_prompts." + entry.getKey(), entry.getKey(), RoomId::of);
            text(reader, "conversation.room_prompts." + entry.getKey(), entry.getValue())
                    .ifPresent(text -> rooms.put(room, text));
        }
        Map<String, String> roles = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : reader.entries("conversation.role_prompts")) {
            text(reader, "conversation.role_prompts." + entry.getKey(), entry.getValue())
                    .ifPresent(text -> roles.put(entry.getKey(), text));
        }
        int thread = (int) reader.number("conversation.thread_messages", 30, 0, 200);
        int recent = (int) reader.number("conversation.recent_messages", 10, 0, 100);
        return new StewardConfig.Conversation(prompt, rooms, roles, thread, recent);
    }

    private static java.util.Optional<String> text(ConfigReader reader, String path, JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            reader.problem(path + " must be a prompt text");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(value.asText());
    }
}
