package dev.steward.homeserver.appservice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a transaction carries besides room events, for end-to-end encryption: to-device messages (MSC2409, as
 * Synapse 1.160 names them {@code de.sorunome.msc2409.to_device}), and the MSC3202 extensions: one-time key counts,
 * unused fallback key types and device list changes of the appservice's users.
 *
 * @param toDevice to-device events, each with {@code to_user_id} and {@code to_device_id}
 * @param oneTimeKeyCounts user id, then device id, then algorithm to the count the homeserver holds
 * @param unusedFallbackKeys user id, then device id, to the algorithms of fallback keys not used yet
 * @param changedDeviceLists users whose device lists changed: their devices must be queried again
 * @param leftDeviceLists users Steward shares no room with any more
 */
public record TransactionExtensions(List<JsonNode> toDevice, Map<String, Map<String, Map<String, Integer>>> oneTimeKeyCounts,
        Map<String, Map<String, List<String>>> unusedFallbackKeys, Set<String> changedDeviceLists,
        Set<String> leftDeviceLists) {
    static final String TO_DEVICE = "de.sorunome.msc2409.to_device";
    static final String OTK_COUNTS = "org.matrix.msc3202.device_one_time_key_counts";
    static final String OTK_COUNTS_OLD = "org.matrix.msc3202.device_one_time_keys_count";
    static final String FALLBACK_KEYS = "org.matrix.msc3202.device_unused_fallback_key_types";
    static final String DEVICE_LISTS = "org.matrix.msc3202.device_lists";

    public static final TransactionExtensions NONE =
            new TransactionExtensions(List.of(), Map.of(), Map.of(), Set.of(), Set.of());

    /** Reads the extensions of a transaction body; missing or malformed parts are empty. */
    public static TransactionExtensions read(JsonNode body) {
        List<JsonNode> toDevice = new ArrayList<>();
        JsonNode messages = body.path(TO_DEVICE).isArray() ? body.path(TO_DEVICE) : body.path("to_device");
        for (JsonNode message : messages) {
            if (message.isObject() && message.path("type").isTextual() && message.path("to_user_id").isTextual()) {
                toDevice.add(message);
            }
        }
        JsonNode counts = body.has(OTK_COUNTS) ? body.path(OTK_COUNTS) : body.path(OTK_COUNTS_OLD);
        return new TransactionExtensions(toDevice, counts(counts), fallbackKeys(body.path(FALLBACK_KEYS)),
                users(body.path(DEVICE_LISTS).path("changed")), users(body.path(DEVICE_LISTS).path("left")));
    }

    public boolean isEmpty() {
        return toDevice.isEmpty() && oneTimeKeyCounts.isEmpty() && unusedFallbackKeys.isEmpty()
                && changedDeviceLists.isEmpty() && leftDeviceLists.isEmpty();
    }

    private static Map<String, Map<String, Map<String, Integer>>> counts(JsonNode node) {
        Map<String, Map<String, Map<String, Integer>>> users = new LinkedHashMap<>();
        node.properties().forEach(user -> user.getValue().properties().forEach(device -> {
            Map<String, Integer> byAlgorithm = new LinkedHashMap<>();
            device.getValue().properties().forEach(algorithm -> {
                if (algorithm.getValue().canConvertToInt()) {
                    byAlgorithm.put(algorithm.getKey(), algorithm.getValue().asInt());
                }
            });
            users.computeIfAbsent(user.getKey(), key -> new LinkedHashMap<>()).put(device.getKey(), byAlgorithm);
        }));
        return users;
    }

    private static Map<String, Map<String, List<String>>> fallbackKeys(JsonNode node) {
        Map<String, Map<String, List<String>>> users = new LinkedHashMap<>();
        node.properties().forEach(user -> user.getValue().properties().forEach(device -> {
            List<String> types = new ArrayList<>();
            device.getValue().forEach(type -> types.add(type.asText()));
            users.computeIfAbsent(user.getKey(), key -> new LinkedHashMap<>()).put(device.getKey(), types);
        }));
        return users;
    }

    private static Set<String> users(JsonNode node) {
        Set<String> users = new LinkedHashSet<>();
        node.forEach(user -> {
            if (user.isTextual()) {
                users.add(user.asText());
            }
        });
        return users;
    }
}
