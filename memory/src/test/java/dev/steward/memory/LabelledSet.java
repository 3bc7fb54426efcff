package dev.steward.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The labelled retrieval set ({@code memory/labelled-set.json}): memories in a few rooms, distractors among them, and
 * questions each labelled with the one memory that answers it, several phrasings per memory. Used by
 * {@code RetrievalQualityTest} and the memory benchmark.
 */
public record LabelledSet(String about, List<Entry> memories, List<Question> questions) {
    public record Entry(String id, String room, String text) {}

    public record Question(String q, String memory) {}

    /** Recall at 5 of each way of searching: the share of questions whose memory is among the first five hits. */
    public record Recall(double hybrid, double bm25, double vector, int questions) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "recall@5 over %d questions: hybrid %.3f, BM25 %.3f, vector %.3f",
                    questions, hybrid, bm25, vector);
        }
    }

    @FunctionalInterface
    private interface Search {
        List<Hit> top(String query, Set<RoomId> rooms, int k);
    }

    private static final UserId AUTHOR = UserId.of("@labeller:labelled.example");
    private static final int K = 5;

    public static LabelledSet load() {
        try (InputStream json = LabelledSet.class.getResourceAsStream("/memory/labelled-set.json")) {
            if (json == null) {
                throw new IllegalStateException("memory/labelled-set.json is not on the test class path");
            }
            return new ObjectMapper().readValue(json, LabelledSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RoomId room(String name) {
        return RoomId.of("!" + name + ":labelled.example");
    }

    /** Stores every memory, waits until all are embedded, and measures recall at 5 of the three searches. */
    public Recall measure(MemoryStore store) {
        Map<String, Long> ids = new HashMap<>();
        for (Entry entry : memories) {
            Memory stored = store.add(NewMemory.of(room(entry.room()), AUTHOR, TestStore.nextEvent(), entry.text(),
                    MemoryKind.EXPLICIT));
            ids.put(entry.id(), stored.id());
        }
        if (!store.awaitEmbedded(Duration.ofMinutes(5))) {
            throw new IllegalStateException("the labelled memories were not embedded within five minutes");
        }
        Map<String, String> roomOf = new HashMap<>();
        memories.forEach(entry -> roomOf.put(entry.id(), entry.room()));
        return new Recall(recall(store::search, ids, roomOf), recall(store::searchBm25, ids, roomOf),
                recall(store::searchVector, ids, roomOf), questions.size());
    }

    private double recall(Search search, Map<String, Long> ids, Map<String, String> roomOf) {
        int found = 0;
        for (Question question : questions) {
            long wanted = ids.get(question.memory());
            Set<RoomId> rooms = Set.of(room(roomOf.get(question.memory())));
            if (search.top(question.q(), rooms, K).stream().anyMatch(hit -> hit.memory().id() == wanted)) {
                found++;
            }
        }
        return (double) found / questions.size();
    }
}
