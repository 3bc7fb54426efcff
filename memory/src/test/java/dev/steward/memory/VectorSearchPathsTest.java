package dev.steward.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.RoomId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search by meaning compares a small scope's vectors one by one and searches a large one in the graph; both ways
 * find a memory by its own text and stay inside the scope. (The graph is used here by lowering the limit.)
 */
class VectorSearchPathsTest {
    private static final int MEMORIES = 200;
    private static final List<RoomId> ROOMS = List.of(TestStore.KITCHEN, TestStore.GARAGE,
            RoomId.of("!attic:family.example"), RoomId.of("!cellar:family.example"));

    @Test
    void theGraphAndTheScanFindTheSameMemoriesInScope(@TempDir Path dir) {
        List<String> texts = IntStream.range(0, MEMORIES).mapToObj(DurableTexts::text).toList();
        List<float[]> vectors = TestStore.EMBEDDER.embed(texts);
        try (MemoryIndex index = MemoryIndex.open(dir, IndexTuning.DEFAULT)) {
            for (int i = 0; i < MEMORIES; i++) {
                index.add(new Memory(i + 1, ROOMS.get(i % ROOMS.size()), TestStore.ALICE, Optional.empty(),
                        Instant.parse("2026-11-21T12:00:00Z"), texts.get(i), MemoryKind.EXPLICIT, Sharing.ROOM),
                        vectors.get(i));
            }
            MemorySearch scan = new MemorySearch(index, Integer.MAX_VALUE);
            MemorySearch graph = new MemorySearch(index, 0);
            Scope twoRooms = Scope.rooms(Set.of(ROOMS.get(0), ROOMS.get(1)));

            for (int i = 0; i < MEMORIES; i++) {
                for (MemorySearch search : List.of(scan, graph)) {
                    List<Hit> hits = search.meaning(vectors.get(i), twoRooms, 5);
                    assertThat(hits).allSatisfy(hit -> assertThat(twoRooms.rooms()).contains(hit.memory().room()));
                    if (i % ROOMS.size() < 2) {
                        assertThat(hits.get(0).memory().text()).isEqualTo(texts.get(i));
                    }
                }
                assertThat(ids(graph.meaning(vectors.get(i), twoRooms, 5)))
                        .isEqualTo(ids(scan.meaning(vectors.get(i), twoRooms, 5)));
            }
        }
    }

    private static List<Long> ids(List<Hit> hits) {
        return hits.stream().map(hit -> hit.memory().id()).toList();
    }
}
