package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-ranks another recommender's list so that near-duplicates (credentials teaching mostly the same
 * competencies) do not crowd the top: maximal marginal relevance over the Jaccard similarity of what they teach.
 * The reported score is the marginal score, which never increases down the list.
 */
final class DiversityReranker implements Recommender {
  private final Recommender inner;
  private final double diversity;

  DiversityReranker(Recommender inner, double diversity) {
    this.inner = inner;
    this.diversity = diversity;
  }

  @Override
  public RecommendationList recommend(CatalogSnapshot snapshot, RecommendationRequest request) {
    int pool = Math.min(RecommendationRequest.MAX_K, Math.max(request.k() * 4, 20));
    RecommendationList wide = inner.recommend(snapshot,
        new RecommendationRequest(request.learner(), request.goal(), request.constraints(), pool));
    List<Recommendation> remaining = new ArrayList<>(wide.items());
    if (remaining.isEmpty()) {
      return wide;
    }
    double scale = Math.max(Math.abs(remaining.getFirst().relevance()), 1e-9);
    List<Recommendation> picked = new ArrayList<>();
    while (picked.size() < request.k() && !remaining.isEmpty()) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < remaining.size(); i++) {
        double marginal = remaining.get(i).relevance()
            - diversity * scale * maxSimilarity(snapshot, remaining.get(i), picked);
        if (marginal > bestScore) {
          bestScore = marginal;
          best = i;
        }
      }
      Recommendation r = remaining.remove(best);
      picked.add(new Recommendation(r.credential(), picked.size() + 1, bestScore, r.relevance(), r.explanation()));
    }
    Optional<String> reason = picked.size() >= request.k() ? Optional.empty() : wide.reason();
    return new RecommendationList(wide.goal(), picked, reason, wide.candidates(), wide.excluded(), wide.scorer(),
        wide.catalogVersion());
  }

  private static double maxSimilarity(CatalogSnapshot snapshot, Recommendation candidate, List<Recommendation> picked) {
    IntSet teaches = snapshot.credential(candidate.credential()).teaches();
    double max = 0;
    for (Recommendation p : picked) {
      IntSet other = snapshot.credential(p.credential()).teaches();
      int common = teaches.intersectionSize(other);
      int union = teaches.size() + other.size() - common;
      max = Math.max(max, union == 0 ? 0 : (double) common / union);
    }
    return max;
  }
}
