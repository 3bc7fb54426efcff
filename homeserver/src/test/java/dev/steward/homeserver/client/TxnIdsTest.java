package dev.steward.homeserver.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.EventId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A send retried after a crash must reuse its transaction id, or the room sees the answer twice. */
class TxnIdsTest {
    private static final EventId SOURCE = EventId.of("$KAp_AYjvlJQEYI8AXV4bapXuhsHr15hl1jjGprOx7og");

    @Test
    void sameSourceAndPurposeGiveTheSameId() {
        assertThat(TxnIds.derive(SOURCE, "reply")).isEqualTo(TxnIds.derive(SOURCE, "reply"));
        assertThat(TxnIds.derive(EventId.of(SOURCE.value()), "reply")).isEqualTo(TxnIds.derive(SOURCE, "reply"));
    }

    @Test
    void eachPurposeAndSourceGetsItsOwnId() {
        EventId other = EventId.of("$gVfkberOxUhHBNGeDIPCXQljBUoifEL0H8ScVhWaNkw");
        Set<String> ids = new HashSet<>();
        for (EventId source : List.of(SOURCE, other)) {
            for (String purpose : List.of("reply", "typing", "react:✅", "react:❌", "edit:1", "edit:2")) {
                ids.add(TxnIds.derive(source, purpose));
            }
        }

        assertThat(ids).hasSize(12);
    }

    @Test
    void idsAreSafeInAUrlPathAndOfFixedLength() {
        String id = TxnIds.derive(SOURCE, "reply with a very long purpose / and ? odd & characters");

        assertThat(id).startsWith("stw").hasSize(35).matches("[A-Za-z0-9_-]+");
    }
}
