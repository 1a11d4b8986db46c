package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps near-duplicates (credentials teaching mostly the same competencies) from crowding the top: maximal
 * marginal relevance over the Jaccard similarity of what they teach, chosen from the best-scored pool. The
 * reported score is the marginal score, which never increases down the list.
 */
final class DiversityReranker implements Reranker {
  private final double diversity;

  DiversityReranker(double diversity) {
    this.diversity = diversity;
  }

  @Override
  public int poolSize(int k) {
    return Math.min(RecommendationRequest.MAX_K, Math.max(k * 4, 20));
  }

  /**
   * Greedy MMR. Robust to any scores: a NaN counts as the lowest, infinities are compared as they are and never
   * scale the similarity penalty, and every pick takes some candidate not taken yet, so {@code min(k, n)} come
   * back whatever the scores (a pool of -Infinity scores once left no candidate "better" than the start value).
   */
  @Override
  public List<Ranked> select(CatalogSnapshot snapshot, List<Ranked> ranked, int k) {
    int n = ranked.size();
    List<Ranked> picked = new ArrayList<>(Math.min(k, n));
    if (n == 0) {
      return picked;
    }
    double scale = penaltyScale(ranked);
    // each candidate's highest similarity to the picks, brought up to date only when the candidate is looked at:
    // seen[i] picks are in maxSimilarity[i]
    double[] maxSimilarity = new double[n];
    int[] seen = new int[n];
    int[] picks = new int[Math.min(k, n)];
    boolean[] taken = new boolean[n];
    // what each teaches, looked up once rather than once per pick
    IntSet[] teaches = new IntSet[n];
    for (int i = 0; i < n; i++) {
      teaches[i] = snapshot.credential(ranked.get(i).candidate().credential()).teaches();
    }
    // a marginal is never above its relevance, so over candidates best first the scan stops at the first whose
    // relevance cannot beat the best marginal found: most of the pool is never compared with most picks
    boolean stopEarly = diversity >= 0 && bestFirst(ranked);
    while (picked.size() < Math.min(k, n)) {
      int best = -1;
      double bestScore = Double.NaN;
      for (int i = 0; i < n; i++) {
        if (taken[i]) {
          continue;
        }
        double relevance = ranked.get(i).relevance();
        if (stopEarly && best >= 0 && !Double.isNaN(relevance) && Double.compare(relevance, bestScore) <= 0) {
          break;
        }
        for (; seen[i] < picked.size(); seen[i]++) {
          maxSimilarity[i] = Math.max(maxSimilarity[i], jaccard(teaches[i], teaches[picks[seen[i]]]));
        }
        double marginal = marginal(relevance, scale * maxSimilarity[i]);
        if (best < 0 || marginal > bestScore) {
          bestScore = marginal;
          best = i;
        }
      }
      taken[best] = true;
      picks[picked.size()] = best;
      Ranked r = ranked.get(best);
      picked.add(new Ranked(r.candidate(), r.relevance(), bestScore));
    }
    return picked;
  }

  /** True when the relevances never rise down the list (as {@link Ranked#bestFirst} orders them). */
  private static boolean bestFirst(List<Ranked> ranked) {
    for (int i = 1; i < ranked.size(); i++) {
      if (Double.compare(ranked.get(i).relevance(), ranked.get(i - 1).relevance()) > 0) {
        return false;
      }
    }
    return true;
  }

  /** The relevance less the diversity penalty; NaN becomes -Infinity, so it sorts last and compares. */
  private double marginal(double relevance, double similarity) {
    double marginal = relevance - diversity * similarity;
    return Double.isNaN(marginal) ? Double.NEGATIVE_INFINITY : marginal;
  }

  /**
   * The penalty's unit: the best score's magnitude, or the best finite one's when the best is not finite (an
   * infinite unit would turn every penalty into NaN or infinity).
   */
  private static double penaltyScale(List<Ranked> ranked) {
    for (Ranked r : ranked) {
      if (Double.isFinite(r.relevance())) {
        return Math.max(Math.abs(r.relevance()), 1e-9);
      }
    }
    return 1;
  }

  private static double jaccard(IntSet a, IntSet b) {
    int common = a.intersectionSize(b);
    int union = a.size() + b.size() - common;
    return union == 0 ? 0 : (double) common / union;
  }
}
