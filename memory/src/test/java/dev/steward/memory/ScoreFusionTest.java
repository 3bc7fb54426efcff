package dev.steward.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** Relative score fusion, case by case: rankings of (document, score) and the fused order expected. */
class ScoreFusionTest {
    record Case(String name, ScoreDoc[] words, ScoreDoc[] vectors, int limit, List<Integer> expected) {}

    static final List<Case> CASES = List.of(
            new Case("a clear vector winner stays first though BM25 prefers another",
                    ranking(2, 9.0, 1, 8.5, 3, 1.0), ranking(1, 0.95, 2, 0.60, 3, 0.55), 3, List.of(1, 2, 3)),
            new Case("close vectors: the words decide",
                    ranking(2, 9.0, 1, 1.0), ranking(1, 0.80, 2, 0.79, 3, 0.50), 3, List.of(2, 1, 3)),
            new Case("no words in common keeps the vector order",
                    ranking(), ranking(7, 0.9, 8, 0.8, 9, 0.7), 5, List.of(7, 8, 9)),
            new Case("nothing embedded yet keeps the BM25 order",
                    ranking(4, 3.0, 5, 2.0), ranking(), 5, List.of(4, 5)),
            new Case("both empty", ranking(), ranking(), 5, List.of()),
            new Case("limit cuts", ranking(1, 5.0, 2, 4.0, 3, 3.0), ranking(1, 0.9, 2, 0.8, 3, 0.7), 2,
                    List.of(1, 2)),
            new Case("equal scores count fully", ranking(6, 2.0), ranking(6, 0.7), 5, List.of(6)));

    @Test
    void fusesRankingsByTheirScaledScores() {
        for (Case example : CASES) {
            assertThat(ScoreFusion.fuse(example.words(), example.vectors(), example.limit()))
                    .extracting(doc -> doc.doc).as(example.name()).containsExactlyElementsOf(example.expected());
        }
    }

    /** Alternating document numbers and scores. */
    private static ScoreDoc[] ranking(double... docAndScore) {
        ScoreDoc[] ranking = new ScoreDoc[docAndScore.length / 2];
        for (int i = 0; i < ranking.length; i++) {
            ranking[i] = new ScoreDoc((int) docAndScore[2 * i], (float) docAndScore[2 * i + 1]);
        }
        return ranking;
    }
}
