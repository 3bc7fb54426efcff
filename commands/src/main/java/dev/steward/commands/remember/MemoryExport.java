package dev.steward.commands.remember;

import dev.steward.homeserver.id.UserId;
import dev.steward.memory.Memory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A member's memories as a JSON file: everything stored about each, so the member gets all of it. */
public final class MemoryExport {
    private MemoryExport() {}

    public static byte[] json(UserId member, List<Memory> memories) {
        JsonArray items = new JsonArray();
        for (Memory memory : memories) {
            items.add(new JsonObject()
                    .put("id", memory.id())
                    .put("room", memory.room().value())
                    .put("source_event", memory.sourceEvent().map(dev.steward.homeserver.id.EventId::value).orElse(null))
                    .put("created_at", memory.createdAt().toString())
                    .put("kind", memory.kind().configName())
                    .put("sharing", memory.sharing().name().toLowerCase(java.util.Locale.ROOT))
                    .put("text", memory.text()));
        }
        return new JsonObject().put("member", member.value()).put("memories", items).encodePrettily()
                .getBytes(StandardCharsets.UTF_8);
    }
}
