package dev.steward.memory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * The true nearest memories in a scope, by comparing the query with every full-precision vector in it: what the
 * approximate (graph, 8-bit) search is measured against. Slow by design; for benchmarks.
 */
public final class ExactNearest {
    private ExactNearest() {}

    /** The ids of the {@code k} memories of {@code scope} closest to {@code vector}, closest first. */
    public static List<Long> of(MemoryIndex index, float[] vector, Scope scope, int k) throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            ScoreDoc[] nearest = VectorScan.nearest(searcher, ScopeFilter.of(scope), Vectors.normalized(vector), k,
                    VectorScan.Precision.FULL);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            List<Long> ids = new ArrayList<>(nearest.length);
            for (ScoreDoc doc : nearest) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc.doc, leaves));
                NumericDocValues values = leaf.reader().getNumericDocValues(MemoryDocuments.ID);
                values.advanceExact(doc.doc - leaf.docBase);
                ids.add(values.longValue());
            }
            return ids;
        } finally {
            index.release(searcher);
        }
    }
}
