package io.cairn.labor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.labor.eval.Bootstrap;
import io.cairn.labor.eval.Interval;
import io.cairn.labor.eval.RankingMetrics;
import org.junit.jupiter.api.Test;

/** The metrics against values worked out by hand, and the bootstrap's determinism. */
class RankingMetricsTest {
  // ranked: [0, 2, 1, 0]; relevant items: two essential (2) and one optional (1), one essential never ranked
  private static final int[] RANKED = {0, 2, 1, 0};
  private static final int[] IDEAL = {1, 2, 2};

  @Test
  void ndcgOfATinyRanking() {
    // DCG@3 = 0/log2(2) + 3/log2(3) + 1/log2(4) = 1.892789 + 0.5 = 2.392789; IDCG@3 = 3 + 1.892789 + 0.5
    double dcg = 3 / log2(3) + 1 / log2(4);
    double idcg = 3 + 3 / log2(3) + 1 / log2(4);
    assertEquals(dcg / idcg, RankingMetrics.ndcg(RANKED, IDEAL, 3), 1e-12);
    assertEquals(2.392789 / 5.392789, RankingMetrics.ndcg(RANKED, IDEAL, 3), 1e-4);
    // @1: nothing relevant at the top
    assertEquals(0, RankingMetrics.ndcg(RANKED, IDEAL, 1), 0);
    // a perfect ranking scores 1
    assertEquals(1, RankingMetrics.ndcg(new int[] {2, 2, 1, 0}, IDEAL, 10), 1e-12);
  }

  @Test
  void recallCountsUnrankedRelevantItemsAsMisses() {
    assertEquals(2.0 / 3, RankingMetrics.recall(RANKED, IDEAL, 10), 1e-12);
    assertEquals(1.0 / 3, RankingMetrics.recall(RANKED, IDEAL, 2), 1e-12);
    assertEquals(0, RankingMetrics.recall(RANKED, new int[0], 10), 0);
  }

  @Test
  void reciprocalRankOfTheFirstRelevantItem() {
    assertEquals(0.5, RankingMetrics.reciprocalRank(RANKED), 0);
    assertEquals(0, RankingMetrics.reciprocalRank(new int[] {0, 0}), 0);
  }

  @Test
  void theBootstrapIsDeterministicForASeed() {
    double[] values = new double[200];
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble();
    }
    Interval a = new Bootstrap(1000, 11).interval(values);
    Interval b = new Bootstrap(1000, 11).interval(values);
    Interval c = new Bootstrap(1000, 12).interval(values);
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertTrue(a.low() < a.mean() && a.mean() < a.high());
    // the interval of a mean of 200 uniforms is about ±1.96 x 0.2887 / √200 = ±0.04
    assertEquals(0.08, a.high() - a.low(), 0.02);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
