package dev.steward.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * The searches over a {@link MemoryIndex}: by words (BM25), by meaning (nearest vectors) and both fused. Each applies
 * the scope inside the search. Public for the benchmarks; other modules search through {@link MemoryStore}.
 */
public final class MemorySearch {
    /**
     * How deep each ranking goes before fusion: a memory one ranking places low can still be lifted by the other, and
     * fifty documents cost little to score.
     */
    public static final int DEPTH = 50;

    /**
     * Scopes of at most this many memories are compared one by one rather than searched in the graph. A room or a
     * space is a small share of a large index, and Lucene's graph search under such a narrow filter walks the graph
     * until it has visited as many nodes as the filter holds and then compares them one by one anyway. Over a million
     * memories on two cores (the index of MemoryBenchmark), a scope of 20,000 took 15 ms at the median through the
     * graph and 4 ms compared directly, 50,000 took 18 ms and 9 ms, 100,000 took 11 ms and 16 ms: the graph pays
     * off between the last two.
     */
    static final int EXACT_SCAN_LIMIT = 50_000;

    private final MemoryIndex index;
    private final int exactScanLimit;

    public MemorySearch(MemoryIndex index) {
        this(index, EXACT_SCAN_LIMIT);
    }

    /** With another limit, so that tests can send small scopes through the graph. */
    MemorySearch(MemoryIndex index, int exactScanLimit) {
        this.index = index;
        this.exactScanLimit = exactScanLimit;
    }

    public List<Hit> words(String text, Scope scope, int k) {
        return search(scope, searcher -> Arrays.asList(words(searcher, text, ScopeFilter.of(scope), k)), k);
    }

    /** Asks the graph for {@link #DEPTH} candidates even for fewer results: rescoring more of them costs little. */
    public List<Hit> meaning(float[] vector, Scope scope, int k) {
        return search(scope, searcher ->
                Arrays.asList(meaning(searcher, vector, ScopeFilter.of(scope), Math.max(k, DEPTH))), k);
    }

    /** Both rankings, {@link #DEPTH} deep, fused by {@link ScoreFusion}. */
    public List<Hit> hybrid(String text, float[] vector, Scope scope, int k) {
        return search(scope, searcher -> {
            Query filter = ScopeFilter.of(scope);
            int depth = Math.max(k, DEPTH);
            return ScoreFusion.fuse(words(searcher, text, filter, depth), meaning(searcher, vector, filter, depth), k);
        }, k);
    }

    private ScoreDoc[] words(IndexSearcher searcher, String text, Query filter, int depth) throws IOException {
        Optional<Query> query = WordQuery.of(index.analyzer(), text, filter);
        return query.isEmpty() ? new ScoreDoc[0] : searcher.search(query.get(), depth).scoreDocs;
    }

    // The graph is searched over 8-bit vectors; the candidates are then ranked again by their full vectors, so the
    // order within the results is exact and quantization only costs a neighbour that never became a candidate.
    private ScoreDoc[] meaning(IndexSearcher searcher, float[] vector, Query filter, int depth) throws IOException {
        float[] unit = Vectors.normalized(vector);
        ScoreDoc[] candidates = searcher.count(filter) <= exactScanLimit
                ? VectorScan.nearest(searcher, filter, unit, depth, VectorScan.Precision.QUANTIZED)
                : searcher.search(new KnnFloatVectorQuery(MemoryDocuments.VECTOR, unit, depth, filter), depth)
                        .scoreDocs;
        return VectorScan.rescore(searcher.getIndexReader(), candidates, unit);
    }

    @FunctionalInterface
    private interface Ranking {
        List<ScoreDoc> rank(IndexSearcher searcher) throws IOException;
    }

    private List<Hit> search(Scope scope, Ranking ranking, int k) {
        if (scope.isEmpty() || k <= 0) {
            return List.of();
        }
        try {
            IndexSearcher searcher = index.acquire();
            try {
                List<ScoreDoc> best = ranking.rank(searcher);
                return hits(searcher, best.subList(0, Math.min(k, best.size())));
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the memory index failed", e);
        }
    }

    private static List<Hit> hits(IndexSearcher searcher, List<ScoreDoc> docs) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Hit> hits = new ArrayList<>(docs.size());
        for (ScoreDoc doc : docs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc.doc, leaves));
            hits.add(new Hit(MemoryDocuments.read(leaf.reader(), doc.doc - leaf.docBase), doc.score));
        }
        return hits;
    }
}
