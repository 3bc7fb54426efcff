package dev.steward.bot.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.steward.homeserver.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON (spec: Appendices, "Canonical JSON"): keys sorted, no white space, UTF-8 unescaped. What a
 * signature covers, without its {@code signatures} and {@code unsigned}.
 */
final class CanonicalJson {
    private CanonicalJson() {}

    static String encode(JsonObject object) {
        try {
            return Json.MAPPER.writeValueAsString(sorted(object));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON", e);
        }
    }

    /** The text a signature of {@code object} covers. */
    static String signable(JsonObject object) {
        JsonObject copy = object.copy();
        copy.remove("signatures");
        copy.remove("unsigned");
        return encode(copy);
    }

    private static Object sorted(Object value) {
        if (value instanceof JsonObject object) {
            Map<String, Object> map = new TreeMap<>();
            object.forEach(entry -> map.put(entry.getKey(), sorted(entry.getValue())));
            return map;
        }
        if (value instanceof Map<?, ?> raw) {
            return sorted(new JsonObject(castMap(raw)));
        }
        if (value instanceof JsonArray array) {
            List<Object> list = new ArrayList<>(array.size());
            array.forEach(item -> list.add(sorted(item)));
            return list;
        }
        if (value instanceof List<?> raw) {
            return sorted(new JsonArray(new ArrayList<>(raw)));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> raw) {
        return (Map<String, Object>) raw;
    }
}
