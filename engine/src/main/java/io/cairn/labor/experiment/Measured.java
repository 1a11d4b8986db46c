package io.cairn.labor.experiment;

import io.cairn.labor.eval.RankingMetrics;

/** One profile's metrics for one scorer. */
record Measured(double[] ndcgAtK, double recallAt10, double reciprocalRank) {
  static final int MAX_K = 20;

  static Measured of(int[] ranked, int[] ideal) {
    double[] ndcg = new double[MAX_K];
    for (int k = 1; k <= MAX_K; k++) {
      ndcg[k - 1] = RankingMetrics.ndcg(ranked, ideal, k);
    }
    return new Measured(ndcg, RankingMetrics.recall(ranked, ideal, 10), RankingMetrics.reciprocalRank(ranked));
  }
}
