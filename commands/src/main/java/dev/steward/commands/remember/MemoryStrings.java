package dev.steward.commands.remember;

import dev.steward.homeserver.id.RoomId;
import dev.steward.memory.Counts;
import dev.steward.memory.Hit;
import dev.steward.memory.MatrixToLink;
import dev.steward.memory.Memory;
import dev.steward.memory.MemoryKind;
import dev.steward.memory.MemorySettings;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What members read from the memory commands. */
final class MemoryStrings {
    static final String NOTHING_FOUND = "I found nothing about that in this room's memory.";
    static final String NO_SUCH_MEMORY = "There is no memory #%d in this room.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int SHOWN_CHARS = 200;

    private MemoryStrings() {}

    static String remembered(Memory memory, String piiNote) {
        return "Remembered as #" + memory.id() + "." + piiNote;
    }

    static String recalled(List<Hit> hits, RoomId room) {
        boolean elsewhere = hits.stream().anyMatch(hit -> !hit.memory().room().equals(room));
        StringBuilder text = new StringBuilder(elsewhere ? "From the memory of this room and its space:"
                : "From this room's memory:");
        for (Hit hit : hits) {
            text.append('\n').append(line(hit.memory()));
        }
        return text.toString();
    }

    static String line(Memory memory) {
        String link = memory.sourceEvent().map(event -> " " + MatrixToLink.of(memory.room(), event)).orElse("");
        return "#" + memory.id() + " (" + DAY.format(memory.createdAt()) + ", " + memory.author().localpart() + "): "
                + shortened(memory.text()) + link;
    }

    static String counts(Counts counts, MemorySettings settings) {
        return "This room remembers " + counts.total() + (counts.total() == 1 ? " memory" : " memories")
                + " (" + counts.of(MemoryKind.EXPLICIT) + " from !remember, " + counts.of(MemoryKind.MESSAGE)
                + " from messages, " + counts.of(MemoryKind.ANSWER) + " of my answers"
                + (counts.pending() > 0 ? "; " + counts.pending() + " still being indexed by meaning" : "") + ")."
                + "\nCapture of messages: " + onOff(settings.capture())
                + "\nCapture of my answers: " + onOff(settings.captureAnswers())
                + "\nShared with the rooms of this space: " + onOff(settings.shareWithSpace());
    }

    static String confirmForget(List<Memory> memories) {
        StringBuilder text = new StringBuilder("React with ✅ within 10 minutes to forget "
                + (memories.size() == 1 ? "this memory:" : "these " + memories.size() + " memories:"));
        memories.forEach(memory -> text.append('\n').append(line(memory)));
        return text.toString();
    }

    static String forgotten(List<Memory> memories) {
        if (memories.isEmpty()) {
            return "Nothing to forget: those memories are already gone.";
        }
        return "Forgot " + (memories.size() == 1 ? "memory #" + memories.get(0).id()
                : memories.size() + " memories") + ".";
    }

    static String exported(dev.steward.homeserver.id.UserId member, RoomMemory.Exported exported) {
        String count = exported.memories() + (exported.memories() == 1 ? " memory" : " memories");
        String text = "I sent " + count + " of " + member.value() + " from " + exported.rooms()
                + (exported.rooms() == 1 ? " room" : " rooms") + " to our direct chat, as a file.";
        return exported.leftOut() == 0 ? text : text + " " + exported.leftOut()
                + " more are in rooms you are not in, and stay there.";
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SHOWN_CHARS ? oneLine : oneLine.substring(0, SHOWN_CHARS - 1) + "…";
    }
}
