package io.cairn.labor.eval;

import java.util.List;

/**
 * Metrics at one held fraction, means over occupations (each occupation's profiles averaged first) with 95%
 * bootstrap intervals over occupations.
 *
 * @param ndcgAtK NDCG@k for k = 1..20 ({@code ndcgAtK.get(9)} is NDCG@10)
 */
public record FractionResult(double heldFraction, int occupations, int profiles, List<Interval> ndcgAtK,
    Interval recallAt10, Interval mrr) {

  public FractionResult {
    ndcgAtK = List.copyOf(ndcgAtK);
  }

  public Interval ndcgAt10() {
    return ndcgAtK.get(9);
  }
}
