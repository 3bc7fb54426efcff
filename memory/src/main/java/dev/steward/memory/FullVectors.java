package dev.steward.memory;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues.DocIndexIterator;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;

/**
 * Scores documents by their full-precision vectors, which the quantized format keeps beside the 8-bit ones. (Lucene's
 * own {@code RescoreTopNQuery} does this too, but trips an assertion when the vector search found nothing.)
 */
final class FullVectors {
    private FullVectors() {}

    /** The same documents, scored by {@code (1 + cosine) / 2} like Lucene's dot product, best first. */
    static ScoreDoc[] rescore(IndexReader reader, ScoreDoc[] docs, float[] unitQuery) throws IOException {
        ScoreDoc[] byDoc = docs.clone();
        // Vector iterators only move forward: visit the documents in index order.
        Arrays.sort(byDoc, Comparator.comparingInt(doc -> doc.doc));
        List<LeafReaderContext> leaves = reader.leaves();
        ScoreDoc[] rescored = new ScoreDoc[byDoc.length];
        int leafIndex = -1;
        FloatVectorValues values = null;
        DocIndexIterator iterator = null;
        for (int i = 0; i < byDoc.length; i++) {
            int doc = byDoc[i].doc;
            int leaf = ReaderUtil.subIndex(doc, leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                values = leaves.get(leaf).reader().getFloatVectorValues(MemoryDocuments.VECTOR);
                iterator = values.iterator();
            }
            iterator.advance(doc - leaves.get(leaf).docBase);
            float[] vector = values.vectorValue(iterator.index());
            rescored[i] = new ScoreDoc(doc, MemoryDocuments.SIMILARITY.compare(unitQuery, vector));
        }
        Arrays.sort(rescored, Comparator.comparingDouble((ScoreDoc doc) -> doc.score).reversed());
        return rescored;
    }
}
