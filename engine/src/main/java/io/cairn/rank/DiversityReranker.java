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

  @Override
  public List<Ranked> select(CatalogSnapshot snapshot, List<Ranked> ranked, int k) {
    int n = ranked.size();
    List<Ranked> picked = new ArrayList<>(Math.min(k, n));
    if (n == 0) {
      return picked;
    }
    double scale = Math.max(Math.abs(ranked.getFirst().relevance()), 1e-9);
    // each candidate's highest similarity to anything picked so far, updated with the latest pick only
    double[] maxSimilarity = new double[n];
    boolean[] taken = new boolean[n];
    while (picked.size() < Math.min(k, n)) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double marginal = ranked.get(i).relevance() - diversity * scale * maxSimilarity[i];
        if (!taken[i] && marginal > bestScore) {
          bestScore = marginal;
          best = i;
        }
      }
      taken[best] = true;
      Ranked r = ranked.get(best);
      picked.add(new Ranked(r.candidate(), r.relevance(), bestScore));
      IntSet latest = snapshot.credential(r.candidate().credential()).teaches();
      for (int i = 0; i < n; i++) {
        if (!taken[i]) {
          maxSimilarity[i] = Math.max(maxSimilarity[i],
              jaccard(snapshot.credential(ranked.get(i).candidate().credential()).teaches(), latest));
        }
      }
    }
    return picked;
  }

  private static double jaccard(IntSet a, IntSet b) {
    int common = a.intersectionSize(b);
    int union = a.size() + b.size() - common;
    return union == 0 ? 0 : (double) common / union;
  }
}
