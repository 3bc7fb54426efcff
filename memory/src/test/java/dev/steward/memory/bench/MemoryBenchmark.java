package dev.steward.memory.bench;

import dev.steward.homeserver.bench.BenchmarkTable;
import dev.steward.homeserver.bench.BenchmarkTable.Row;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.memory.ExactNearest;
import dev.steward.memory.Hit;
import dev.steward.memory.LabelledSet;
import dev.steward.memory.MemoryIndex;
import dev.steward.memory.MemoryKind;
import dev.steward.memory.MemorySearch;
import dev.steward.memory.MemoryStore;
import dev.steward.memory.MiniLmEmbedder;
import dev.steward.memory.NewMemory;
import dev.steward.memory.bench.SyntheticLoad.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The memory's figures, written to {@code docs/benchmarks.md} (the only argument):
 *
 * <ul>
 *   <li>{@code memory_embed_per_s}: memories stored and embedded per second by a store with the real model;
 *   <li>{@code memory_hybrid_recall_at_5}: the labelled set's hybrid recall (BM25 and vectors alone are printed);
 *   <li>{@code memory_query_p50_ms}, {@code memory_query_p99_ms}: hybrid searches (BM25 and vectors, fused, the first
 *       five memories read) over a million memories in a thousand rooms, one room or one space of twenty at a time,
 *       one query after another after a warm-up; the query's vector is given, its embedding is measured apart
 *       ({@code memory_query_embed_p50_ms});
 *   <li>{@code memory_ann_recall_at_10}: the share of the true ten nearest memories in scope (compared one by one
 *       at full precision) that the vector search returns, over scopes wide enough for the graph.
 * </ul>
 *
 * The million memories are synthetic ({@link SyntheticLoad}); their index is built once under {@code target/}.
 */
public final class MemoryBenchmark {
    // With -am the reactor would also run the parent's (there is none: it fails) and homeserver's benchmarks.
    private static final String COMMAND = "./mvnw -B install -DskipTests && ./mvnw -B -Pbench -pl memory verify";
    private static final long SEED = 20261121L;
    /** A smaller load can be asked for while working on the benchmark: {@code -Dmemory.bench.memories=100000}. */
    private static final long MEMORIES = Long.getLong("memory.bench.memories", 1_000_000);
    private static final int SENTENCES = 4000;
    private static final int LAYOUT = 1;
    private static final int EMBED_MEMORIES = 2000;
    private static final int WARM_UP_QUERIES = 3000;
    private static final int MEASURED_QUERIES = 3000;
    private static final int RECALL_QUERIES = 400;
    private static final int K = 5;
    private static final Path WORK = Path.of("target", "memory-bench");

    private MemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: MemoryBenchmark <path of docs/benchmarks.md>");
            System.exit(2);
        }
        List<Row> rows = new ArrayList<>();
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            rows.add(embedding(embedder));
            rows.add(labelledRecall(embedder));
            SyntheticLoad load = SyntheticLoad.open(SEED, SENTENCES, embedder, WORK);
            rows.add(queryEmbedding(embedder, load));
            // Names what the cached index holds; change LAYOUT when the documents or the codec change.
            String description = "layout=" + LAYOUT + " memories=" + MEMORIES + " seed=" + SEED + " sentences="
                    + SENTENCES + "\n";
            try (MemoryIndex index = LargeIndex.open(WORK.resolve("index-1m"), load, MEMORIES, description)) {
                rows.addAll(queryLatency(index, load));
                rows.add(annRecall(index, load));
            }
        }
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-28s %8s %-10s target %s%n", row.figure(), row.value(), row.unit(),
                    row.target());
        }
        BenchmarkTable.update(Path.of(args[0]), rows);
    }

    private static Row embedding(MiniLmEmbedder embedder) throws IOException {
        List<String> texts = SyntheticMemories.sentences(SEED + 1, EMBED_MEMORIES).stream()
                .map(SyntheticMemories.Sentence::text).toList();
        embedder.embed(texts.subList(0, 64));
        try (FreshStore fresh = new FreshStore(WORK.resolve("embed-run"), embedder)) {
            long start = System.nanoTime();
            for (int i = 0; i < texts.size(); i++) {
                fresh.store.add(NewMemory.of(SyntheticLoad.room(i % 10), UserId.of("@bench:bench.example"),
                        EventId.of("$embed" + i), texts.get(i), MemoryKind.MESSAGE));
            }
            if (!fresh.store.awaitEmbedded(Duration.ofMinutes(10))) {
                throw new IllegalStateException("the memories were not embedded within ten minutes");
            }
            double perSecond = texts.size() / ((System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "memory bench: %d memories stored and embedded, %.1f per second%n",
                    texts.size(), perSecond);
            return row("memory_embed_per_s", String.format(Locale.ROOT, "%.0f", perSecond), "memories/s", "");
        }
    }

    private static Row labelledRecall(MiniLmEmbedder embedder) throws IOException {
        try (FreshStore fresh = new FreshStore(WORK.resolve("labelled-run"), embedder)) {
            LabelledSet.Recall recall = LabelledSet.load().measure(fresh.store);
            System.out.println("memory bench: labelled set " + recall);
            return row("memory_hybrid_recall_at_5", String.format(Locale.ROOT, "%.3f", recall.hybrid()), "share",
                    "≥ 0.9");
        }
    }

    private static Row queryEmbedding(MiniLmEmbedder embedder, SyntheticLoad load) {
        for (int i = 0; i < 50; i++) {
            embedder.embed(load.query(i).text());
        }
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            String text = load.query(1000 + i).text();
            long start = System.nanoTime();
            embedder.embed(text);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return row("memory_query_embed_p50_ms", millis(percentile(nanos, 50)), "ms", "");
    }

    private static List<Row> queryLatency(MemoryIndex index, SyntheticLoad load) {
        MemorySearch search = new MemorySearch(index);
        long sink = 0;
        for (int i = 0; i < WARM_UP_QUERIES; i++) {
            sink += hybrid(search, load.query(i)).size();
        }
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < MEASURED_QUERIES; i++) {
            queries.add(load.query(WARM_UP_QUERIES + i));
        }
        // What the warm-up and the earlier measurements left behind is collected now, not during the measurement.
        System.gc();
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            sink += hybrid(search, queries.get(i)).size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "memory bench: %d hybrid queries over %d memories (k=%d, %d found): "
                + "p50 %s ms, p90 %s ms, p99 %s ms, max %s ms%n", queries.size(), MEMORIES, K, sink,
                millis(percentile(nanos, 50)), millis(percentile(nanos, 90)), millis(percentile(nanos, 99)),
                millis(nanos[nanos.length - 1]));
        return List.of(row("memory_query_p50_ms", millis(percentile(nanos, 50)), "ms", ""),
                row("memory_query_p99_ms", millis(percentile(nanos, 99)), "ms", "< 10"));
    }

    private static List<Hit> hybrid(MemorySearch search, Query query) {
        return search.hybrid(query.text(), query.vector(), query.scope(), K);
    }

    // Over scopes wide enough to be searched in the graph (narrower ones are compared one by one, which is exact but
    // for the 8-bit quantization its candidates are rescored from); the narrow ones are printed too.
    private static Row annRecall(MemoryIndex index, SyntheticLoad load) throws IOException {
        MemorySearch search = new MemorySearch(index);
        double graph = recallAt10(index, search, IntStream.range(0, RECALL_QUERIES).mapToObj(load::wideQuery));
        double narrow = recallAt10(index, search,
                IntStream.range(0, RECALL_QUERIES).mapToObj(n -> load.query(100_000 + n)));
        System.out.printf(Locale.ROOT, "memory bench: recall@10 of the vector search against exact nearest: %.4f in "
                + "the graph (%d queries over %d or %d rooms), %.4f compared one by one (%d queries over a room or a "
                + "space)%n", graph, RECALL_QUERIES, SyntheticLoad.ROOMS / 10, SyntheticLoad.ROOMS, narrow,
                RECALL_QUERIES);
        return row("memory_ann_recall_at_10", String.format(Locale.ROOT, "%.4f", graph), "share", "≥ 0.95");
    }

    private static double recallAt10(MemoryIndex index, MemorySearch search, Stream<Query> queries)
            throws IOException {
        int found = 0;
        int wanted = 0;
        for (Query query : queries.toList()) {
            List<Long> exact = ExactNearest.of(index, query.vector(), query.scope(), 10);
            Set<Long> approximate = new HashSet<>();
            search.meaning(query.vector(), query.scope(), 10).forEach(hit -> approximate.add(hit.memory().id()));
            found += (int) exact.stream().filter(approximate::contains).count();
            wanted += exact.size();
        }
        return (double) found / wanted;
    }

    /** The nearest-rank percentile of sorted durations. */
    private static long percentile(long[] sortedNanos, double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static Row row(String figure, String value, String unit, String target) {
        return new Row(figure, value, unit, target, LocalDate.now(), COMMAND);
    }

    /** A store on an empty database and index, removed when closed. */
    private static final class FreshStore implements AutoCloseable {
        final MemoryStore store;
        private final JdbcConnectionPool pool;

        FreshStore(Path dir, MiniLmEmbedder embedder) throws IOException {
            LargeIndex.deleteRecursively(dir);
            Files.createDirectories(dir);
            pool = JdbcConnectionPool.create(H2Files.url(dir.resolve("steward")), "sa", "");
            store = MemoryStore.open(dir.resolve("index"), pool, embedder, Clock.systemUTC());
        }

        @Override
        public void close() {
            store.close();
            pool.dispose();
        }
    }
}
