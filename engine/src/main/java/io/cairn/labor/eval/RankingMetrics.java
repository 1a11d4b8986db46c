package io.cairn.labor.eval;

/**
 * Ranking quality of one ranked list, seen only through the relevance of what was ranked: {@code ranked[i]} is
 * the graded relevance of the item at rank {@code i + 1}; {@code ideal} lists the relevance of every relevant
 * item there is (ranked or not), so relevant items the list never ranks count as misses.
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  /** NDCG@k with gain 2^rel - 1 and discount log2(rank + 1); 0 when nothing is relevant. */
  public static double ndcg(int[] ranked, int[] ideal, int k) {
    int[] best = ideal.clone();
    java.util.Arrays.sort(best);
    double idcg = 0;
    for (int i = 0; i < Math.min(k, best.length); i++) {
      idcg += gain(best[best.length - 1 - i], i);
    }
    if (idcg == 0) {
      return 0;
    }
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.length); i++) {
      dcg += gain(ranked[i], i);
    }
    return dcg / idcg;
  }

  /** Share of the relevant items (relevance > 0) found in the top k; 0 when nothing is relevant. */
  public static double recall(int[] ranked, int[] ideal, int k) {
    long relevant = java.util.Arrays.stream(ideal).filter(r -> r > 0).count();
    if (relevant == 0) {
      return 0;
    }
    int found = 0;
    for (int i = 0; i < Math.min(k, ranked.length); i++) {
      found += ranked[i] > 0 ? 1 : 0;
    }
    return (double) found / relevant;
  }

  /** 1 / rank of the first relevant item; 0 when none is ranked. */
  public static double reciprocalRank(int[] ranked) {
    for (int i = 0; i < ranked.length; i++) {
      if (ranked[i] > 0) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double gain(int relevance, int position) {
    return (Math.pow(2, relevance) - 1) / (Math.log(position + 2) / Math.log(2));
  }
}
