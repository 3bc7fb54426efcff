package dev.steward.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a document scores the sum of {@code 1 / (K + rank)}
 * over the rankings it appears in. It needs no calibration between BM25 scores and cosine similarities, which live
 * on unrelated scales, and rewards what both rankings place high.
 */
final class RankFusion {
    /** The constant of the original paper; it damps the weight of the very first ranks. */
    static final int K = 60;

    private RankFusion() {}

    /** The best {@code limit} documents of the fused rankings, best first; ties keep the order of first appearance. */
    static List<ScoreDoc> fuse(List<ScoreDoc[]> rankings, int limit) {
        Map<Integer, Double> scores = new LinkedHashMap<>();
        for (ScoreDoc[] ranking : rankings) {
            for (int rank = 0; rank < ranking.length; rank++) {
                scores.merge(ranking[rank].doc, 1.0 / (K + rank + 1), Double::sum);
            }
        }
        List<ScoreDoc> fused = new ArrayList<>(scores.size());
        scores.forEach((doc, score) -> fused.add(new ScoreDoc(doc, score.floatValue())));
        fused.sort(Comparator.comparingDouble((ScoreDoc scored) -> scored.score).reversed());
        return fused.subList(0, Math.min(limit, fused.size()));
    }
}
