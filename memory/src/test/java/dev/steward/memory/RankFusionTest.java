package dev.steward.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** Reciprocal rank fusion, case by case: each case fuses rankings of document numbers and expects an order. */
class RankFusionTest {
    record Case(String name, List<int[]> rankings, int limit, List<Integer> expected) {}

    static final List<Case> CASES = List.of(
            new Case("found by both beats first in one", List.of(new int[] {1, 2, 3}, new int[] {4, 2, 5}), 3,
                    List.of(2, 1, 4)),
            new Case("one ranking empty keeps the other's order", List.of(new int[] {7, 8, 9}, new int[] {}), 5,
                    List.of(7, 8, 9)),
            new Case("both empty", List.of(new int[] {}, new int[] {}), 5, List.of()),
            new Case("limit cuts", List.of(new int[] {1, 2, 3, 4}, new int[] {5, 6, 7, 8}), 2, List.of(1, 5)),
            new Case("same order in both", List.of(new int[] {3, 1, 2}, new int[] {3, 1, 2}), 3, List.of(3, 1, 2)));

    @Test
    void fusesRankings() {
        for (Case example : CASES) {
            List<ScoreDoc[]> rankings = example.rankings().stream().map(RankFusionTest::ranking).toList();
            assertThat(RankFusion.fuse(rankings, example.limit())).extracting(doc -> doc.doc)
                    .as(example.name()).containsExactlyElementsOf(example.expected());
        }
    }

    private static ScoreDoc[] ranking(int[] docs) {
        return Arrays.stream(docs).mapToObj(doc -> new ScoreDoc(doc, 1f)).toArray(ScoreDoc[]::new);
    }
}
