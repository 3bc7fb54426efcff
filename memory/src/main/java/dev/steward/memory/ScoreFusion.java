package dev.steward.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Relative score fusion: each ranking's scores are scaled to 0..1 between its lowest and highest, then summed with a
 * weight per ranking (a document missing from a ranking gets nothing from it). Unlike reciprocal rank fusion it keeps
 * how far apart the scores are: a memory the vectors find far closer than the rest stays first even when BM25 ranks
 * a memory sharing a few words higher. On the labelled set (RetrievalQualityTest) reciprocal rank fusion with k = 60
 * found 92 % of the answers among the first five, below vectors alone (97.5 %); this fusion finds 97.7 %.
 */
final class ScoreFusion {
    /**
     * Weight of the vector ranking, the words get the rest. 0.75 is Weaviate's default for the same fusion, chosen
     * there on public benchmarks rather than fitted to our labelled set.
     */
    static final double VECTOR_WEIGHT = 0.75;

    private ScoreFusion() {}

    /** The best {@code limit} documents, best first; ties keep the order of first appearance. */
    static List<ScoreDoc> fuse(ScoreDoc[] words, ScoreDoc[] vectors, int limit) {
        Map<Integer, Double> scores = new LinkedHashMap<>();
        add(vectors, VECTOR_WEIGHT, scores);
        add(words, 1 - VECTOR_WEIGHT, scores);
        List<ScoreDoc> fused = new ArrayList<>(scores.size());
        scores.forEach((doc, score) -> fused.add(new ScoreDoc(doc, score.floatValue())));
        fused.sort(Comparator.comparingDouble((ScoreDoc scored) -> scored.score).reversed());
        return fused.subList(0, Math.min(limit, fused.size()));
    }

    private static void add(ScoreDoc[] ranking, double weight, Map<Integer, Double> into) {
        if (ranking.length == 0) {
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (ScoreDoc doc : ranking) {
            max = Math.max(max, doc.score);
            min = Math.min(min, doc.score);
        }
        double range = max - min;
        for (ScoreDoc doc : ranking) {
            double scaled = range == 0 ? 1 : (doc.score - min) / range;
            into.merge(doc.doc, weight * scaled, Double::sum);
        }
    }
}
