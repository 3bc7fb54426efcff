package dev.steward.bot.gateway;

import dev.steward.homeserver.id.RoomId;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The system prompt of one request: the room's own prompt, or the default, then the asker's role's addition, with
 * {@code {date}}, {@code {room}}, {@code {role}} and {@code {member}} filled in.
 */
public final class SystemPrompts {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    private final String defaultPrompt;
    private final Map<RoomId, String> roomPrompts;
    private final Map<String, String> rolePrompts;
    private final Clock clock;
    private final ZoneId zone;

    public SystemPrompts(String defaultPrompt, Map<RoomId, String> roomPrompts, Map<String, String> rolePrompts,
            Clock clock, ZoneId zone) {
        this.defaultPrompt = defaultPrompt;
        this.roomPrompts = Map.copyOf(roomPrompts);
        this.rolePrompts = Map.copyOf(rolePrompts);
        this.clock = clock;
        this.zone = zone;
    }

    String forRequest(RoomId room, String roomName, String role, String memberName) {
        String prompt = roomPrompts.getOrDefault(room, defaultPrompt);
        String forRole = rolePrompts.get(role);
        if (forRole != null) {
            prompt = prompt + "\n\n" + forRole;
        }
        return prompt.replace("{date}", DATE.format(clock.instant().atZone(zone)))
                .replace("{room}", roomName)
                .replace("{role}", role)
                .replace("{member}", memberName);
    }
}
