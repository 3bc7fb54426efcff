package dev.steward.memory;

import static dev.steward.memory.TestStore.ALICE;
import static dev.steward.memory.TestStore.BOB;
import static dev.steward.memory.TestStore.GARAGE;
import static dev.steward.memory.TestStore.KITCHEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person notices of the memory: it is found (by words, by meaning), only in its rooms, and then forgotten. */
class MemoryStoreTest {
    @TempDir
    Path dir;
    private TestStore memories;
    private MemoryStore store;

    @BeforeEach
    void open() {
        memories = new TestStore(dir);
        store = memories.store;
    }

    @AfterEach
    void close() {
        memories.close();
    }

    private static List<String> texts(List<Hit> hits) {
        return hits.stream().map(hit -> hit.memory().text()).toList();
    }

    @Test
    void whereAMemoryMayGoIsKeptWithItAndOldMemoriesCountAsLocalUntilJudged() throws Exception {
        Memory open = store.add(NewMemory.of(KITCHEN, ALICE, EventId.of("$open"), "Bins on Thursday",
                MemoryKind.EXPLICIT));
        Memory local = store.add(NewMemory.of(KITCHEN, ALICE, EventId.of("$local"), "The child's school is Oakwood",
                MemoryKind.EXPLICIT).keptLocal());
        Memory old = store.add(NewMemory.of(KITCHEN, ALICE, EventId.of("$old"), "From an earlier version",
                MemoryKind.EXPLICIT));
        try (var connection = memories.pool.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE memories SET local_only = NULL WHERE id = " + old.id());
        }

        assertThat(store.localOnly(List.of(open.id(), local.id(), old.id()))).containsExactlyInAnyOrder(local.id(),
                old.id());
        assertThat(store.judgeUnjudged(memory -> false)).isEqualTo(1);
        assertThat(store.localOnly(List.of(open.id(), local.id(), old.id()))).containsExactly(local.id());
        assertThat(store.judgeUnjudged(memory -> true)).as("judged once").isZero();
    }

    @Test
    void aStoredMemoryIsReadBackAsItWasStored() {
        Memory added = store.add(new NewMemory(KITCHEN, ALICE, Optional.of(EventId.of("$remember-1")),
                "The spare key is under the blue flower pot", MemoryKind.EXPLICIT, Sharing.ROOM, false));

        assertThat(added.id()).isPositive();
        assertThat(store.get(added.id())).contains(added);
        assertThat(store.get(added.id() + 1000)).isEmpty();
    }

    @Test
    void aMemoryIsFoundByItsWordsAtOnce() {
        memories.remember(KITCHEN, ALICE, "The plumber comes on Thursday at nine");

        assertThat(texts(store.searchBm25("when does the plumber come", Set.of(KITCHEN), 5)))
                .containsExactly("The plumber comes on Thursday at nine");
        assertThat(texts(store.search("plumber", Set.of(KITCHEN), 5)))
                .contains("The plumber comes on Thursday at nine");
    }

    @Test
    void aMemoryIsFoundByMeaningOnceEmbedded() {
        memories.remember(KITCHEN, ALICE, "The wifi password is written inside the blue folder");
        memories.remember(KITCHEN, BOB, "Grandma's birthday party is on the 14th of June");
        memories.remember(KITCHEN, BOB, "We need to buy oat milk and bread");
        memories.awaitEmbedded();

        String question = "how do I get on the internet";
        assertThat(store.searchBm25(question, Set.of(KITCHEN), 5)).as("no word in common").isEmpty();
        assertThat(texts(store.searchVector(question, Set.of(KITCHEN), 1)))
                .containsExactly("The wifi password is written inside the blue folder");
        assertThat(texts(store.search(question, Set.of(KITCHEN), 1)))
                .containsExactly("The wifi password is written inside the blue folder");
        assertThat(store.counts(KITCHEN).embedded()).isEqualTo(3);
    }

    @Test
    void aSearchSeesOnlyTheRoomsItIsGiven() {
        memories.remember(KITCHEN, ALICE, "The dentist appointment moved to Friday");
        // Many closer matches elsewhere: a filter applied after the search would find none of the kitchen's.
        for (int i = 0; i < 80; i++) {
            memories.remember(GARAGE, BOB, "Dentist appointment dentist appointment number " + i);
        }
        memories.awaitEmbedded();

        for (List<Hit> hits : List.of(store.search("dentist appointment", Set.of(KITCHEN), 5),
                store.searchBm25("dentist appointment", Set.of(KITCHEN), 5),
                store.searchVector("dentist appointment", Set.of(KITCHEN), 5))) {
            assertThat(texts(hits)).containsExactly("The dentist appointment moved to Friday");
        }
        assertThat(store.search("dentist appointment", Set.of(GARAGE), 5)).hasSize(5)
                .allSatisfy(hit -> assertThat(hit.memory().room()).isEqualTo(GARAGE));
        assertThat(store.search("dentist appointment", Set.of(), 5)).isEmpty();
    }

    @Test
    void aRoomSeesWhatOtherRoomsOfItsSpaceShared() {
        store.add(NewMemory.of(GARAGE, BOB, TestStore.nextEvent(), "The ladder is in the shed", MemoryKind.EXPLICIT)
                .sharedWithSpace());
        memories.remember(GARAGE, BOB, "The ladder has a broken step");

        Scope kitchenWithSharedGarage = new Scope(Set.of(KITCHEN), Set.of(GARAGE));
        assertThat(texts(store.search("ladder", kitchenWithSharedGarage, 5)))
                .containsExactly("The ladder is in the shed");
        assertThat(texts(store.search("ladder", Scope.room(GARAGE), 5)))
                .containsExactlyInAnyOrder("The ladder is in the shed", "The ladder has a broken step");
    }

    @Test
    void aForgottenMemoryIsNotFoundAnyMore() {
        Memory keep = memories.remember(KITCHEN, ALICE, "The boiler service is due in March");
        Memory forget = memories.remember(KITCHEN, ALICE, "The boiler code is 4711");
        memories.awaitEmbedded();

        assertThat(store.delete(forget.id())).isTrue();
        assertThat(store.delete(forget.id())).as("a second time").isFalse();

        assertThat(store.get(forget.id())).isEmpty();
        assertThat(texts(store.search("boiler code", Set.of(KITCHEN), 5))).containsExactly(keep.text());
        assertThat(texts(store.searchVector("boiler code", Set.of(KITCHEN), 5))).containsExactly(keep.text());
        assertThat(store.counts(KITCHEN).total()).isEqualTo(1);
    }

    @Test
    void aRedactedEventTakesItsMemoriesWithIt() {
        EventId redacted = EventId.of("$redacted");
        store.add(NewMemory.of(KITCHEN, ALICE, redacted, "Alice's phone PIN is 1234", MemoryKind.MESSAGE));
        memories.remember(KITCHEN, ALICE, "Alice likes her tea with lemon");

        List<Memory> forgotten = store.deleteBySourceEvent(redacted);

        assertThat(forgotten).extracting(Memory::text).containsExactly("Alice's phone PIN is 1234");
        assertThat(texts(store.search("Alice PIN", Set.of(KITCHEN), 5))).doesNotContain("Alice's phone PIN is 1234");
        assertThat(store.deleteBySourceEvent(redacted)).isEmpty();
    }

    @Test
    void aPersonsMemoriesCanBeExportedAndErased() {
        Memory first = memories.remember(KITCHEN, ALICE, "Alice parks on the left");
        Memory second = memories.remember(GARAGE, ALICE, "Alice's bike is the red one");
        memories.remember(KITCHEN, BOB, "Bob parks on the right");

        assertThat(store.byAuthor(ALICE)).containsExactly(first, second);
        assertThat(store.eraseAuthor(ALICE)).isEqualTo(2);
        assertThat(store.byAuthor(ALICE)).isEmpty();
        assertThat(texts(store.search("parks", Set.of(KITCHEN, GARAGE), 5))).containsExactly("Bob parks on the right");
    }

    @Test
    void aRoomsMemoriesCanAllBeDeleted() {
        memories.remember(KITCHEN, ALICE, "Dinner is at seven");
        memories.remember(KITCHEN, BOB, "Dinner on Sunday is at grandma's");
        memories.remember(GARAGE, BOB, "Dinner table is in the garage for repair");

        assertThat(store.deleteRoom(KITCHEN)).isEqualTo(2);
        assertThat(store.counts(KITCHEN).total()).isZero();
        assertThat(store.search("dinner", Set.of(KITCHEN, GARAGE), 5)).extracting(hit -> hit.memory().room())
                .containsExactly(GARAGE);
    }

    @Test
    void countsTellKindsAndWhatIsFoundByMeaningYet() {
        memories.remember(KITCHEN, ALICE, "Recycling goes out on Tuesdays");
        store.add(NewMemory.of(KITCHEN, BOB, TestStore.nextEvent(), "I will be late tonight", MemoryKind.MESSAGE));
        store.add(NewMemory.of(KITCHEN, BOB, TestStore.nextEvent(), "Recycling: Tuesday", MemoryKind.ANSWER));
        memories.remember(GARAGE, BOB, "The car needs new tyres");
        memories.awaitEmbedded();

        Counts kitchen = store.counts(KITCHEN);
        assertThat(kitchen.total()).isEqualTo(3);
        assertThat(kitchen.of(MemoryKind.EXPLICIT)).isEqualTo(1);
        assertThat(kitchen.of(MemoryKind.MESSAGE)).isEqualTo(1);
        assertThat(kitchen.of(MemoryKind.ANSWER)).isEqualTo(1);
        assertThat(kitchen.embedded()).isEqualTo(3);
        assertThat(kitchen.pending()).isZero();
        assertThat(store.counts(RoomId.of("!empty:family.example")).total()).isZero();
    }

    @Test
    void everyMemorySurvivesARestart() {
        List<Memory> added = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            added.add(memories.remember(i % 2 == 0 ? KITCHEN : GARAGE, ALICE, "Restart note number " + i));
        }
        memories.awaitEmbedded();

        MemoryStore reopened = memories.restart();

        for (Memory memory : added) {
            assertThat(reopened.get(memory.id())).contains(memory);
        }
        assertThat(reopened.counts(KITCHEN).embedded()).isEqualTo(10);
        assertThat(texts(reopened.searchVector("restart note number 7", Set.of(GARAGE), 1)))
                .containsExactly("Restart note number 7");
        assertThat(texts(reopened.searchBm25("restart", Set.of(KITCHEN, GARAGE), 50))).hasSize(20);
    }
}
