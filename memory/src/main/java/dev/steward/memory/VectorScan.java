package dev.steward.memory;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.VectorScorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Vector scoring without the graph: every vector in a scope compared with the query, and candidates scored again by
 * their full-precision vectors, which the quantized format keeps beside the 8-bit ones. Scores are Lucene's for the
 * dot product, {@code (1 + cosine) / 2}.
 */
final class VectorScan {
    /** Which vectors to compare: the 8-bit ones (fast, what the graph uses) or the full ones (exact). */
    enum Precision {
        QUANTIZED,
        FULL
    }

    private VectorScan() {}

    /** The {@code k} documents matching {@code filter} closest to {@code unitQuery}, best first. */
    static ScoreDoc[] nearest(IndexSearcher searcher, Query filter, float[] unitQuery, int k, Precision precision)
            throws IOException {
        Weight inScope = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1);
        PriorityQueue<ScoreDoc> best = new PriorityQueue<>(k + 1, Comparator.comparingDouble(doc -> doc.score));
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer docs = inScope.scorer(leaf);
            VectorScorer vectors = scorer(leaf, unitQuery, precision);
            if (docs == null || vectors == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator scoped = docs.iterator();
            DocIdSetIterator withVector = vectors.iterator();
            for (int doc = scoped.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scoped.nextDoc()) {
                if ((live != null && !live.get(doc)) || !advance(withVector, doc)) {
                    continue;
                }
                float score = vectors.score();
                if (best.size() < k || score > best.peek().score) {
                    best.add(new ScoreDoc(leaf.docBase + doc, score));
                    if (best.size() > k) {
                        best.poll();
                    }
                }
            }
        }
        ScoreDoc[] nearest = best.toArray(ScoreDoc[]::new);
        Arrays.sort(nearest, Comparator.comparingDouble((ScoreDoc doc) -> doc.score).reversed());
        return nearest;
    }

    /** The same documents scored by their full-precision vectors, best first. */
    static ScoreDoc[] rescore(IndexReader reader, ScoreDoc[] docs, float[] unitQuery) throws IOException {
        ScoreDoc[] byDoc = docs.clone();
        // Vector iterators only move forward: visit the documents in index order.
        Arrays.sort(byDoc, Comparator.comparingInt(doc -> doc.doc));
        List<LeafReaderContext> leaves = reader.leaves();
        ScoreDoc[] rescored = new ScoreDoc[byDoc.length];
        int leafIndex = -1;
        VectorScorer vectors = null;
        for (int i = 0; i < byDoc.length; i++) {
            int doc = byDoc[i].doc;
            int leaf = ReaderUtil.subIndex(doc, leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                vectors = scorer(leaves.get(leaf), unitQuery, Precision.FULL);
            }
            advance(vectors.iterator(), doc - leaves.get(leaf).docBase);
            rescored[i] = new ScoreDoc(doc, vectors.score());
        }
        Arrays.sort(rescored, Comparator.comparingDouble((ScoreDoc doc) -> doc.score).reversed());
        return rescored;
    }

    private static VectorScorer scorer(LeafReaderContext leaf, float[] unitQuery, Precision precision)
            throws IOException {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(MemoryDocuments.VECTOR);
        if (values == null) {
            return null;
        }
        return precision == Precision.FULL ? values.rescorer(unitQuery) : values.scorer(unitQuery);
    }

    private static boolean advance(DocIdSetIterator iterator, int doc) throws IOException {
        return (iterator.docID() < doc ? iterator.advance(doc) : iterator.docID()) == doc;
    }
}
