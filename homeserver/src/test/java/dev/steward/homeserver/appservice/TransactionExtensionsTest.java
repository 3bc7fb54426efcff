package dev.steward.homeserver.appservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The encryption extensions of a transaction, as Synapse 1.160 names them (MSC2409, MSC3202). */
class TransactionExtensionsTest {
    @Test
    void readsToDeviceMessagesKeyCountsAndDeviceLists() throws Exception {
        TransactionExtensions read = TransactionExtensions.read(Json.MAPPER.readTree("""
                {"events": [],
                 "de.sorunome.msc2409.to_device": [
                   {"type": "m.room.encrypted", "sender": "@alice:localhost", "to_user_id": "@steward:localhost",
                    "to_device_id": "STEWARD", "content": {}},
                   {"no": "type"}],
                 "org.matrix.msc3202.device_one_time_key_counts":
                   {"@steward:localhost": {"STEWARD": {"signed_curve25519": 12}}},
                 "org.matrix.msc3202.device_unused_fallback_key_types":
                   {"@steward:localhost": {"STEWARD": ["signed_curve25519"]}},
                 "org.matrix.msc3202.device_lists": {"changed": ["@alice:localhost"], "left": ["@bob:localhost"]}}
                """));

        assertThat(read.toDevice()).hasSize(1);
        assertThat(read.oneTimeKeyCounts()).isEqualTo(Map.of("@steward:localhost",
                Map.of("STEWARD", Map.of("signed_curve25519", 12))));
        assertThat(read.unusedFallbackKeys().get("@steward:localhost").get("STEWARD")).containsExactly(
                "signed_curve25519");
        assertThat(read.changedDeviceLists()).containsExactly("@alice:localhost");
        assertThat(read.leftDeviceLists()).containsExactly("@bob:localhost");
        assertThat(read.isEmpty()).isFalse();
    }

    @Test
    void aTransactionWithOnlyEventsHasNone() throws Exception {
        TransactionExtensions read = TransactionExtensions.read(Json.MAPPER.readTree("{\"events\": [],"
                + " \"org.matrix.msc3202.device_lists\": \"not an object\"}"));

        assertThat(read.isEmpty()).isTrue();
    }
}
