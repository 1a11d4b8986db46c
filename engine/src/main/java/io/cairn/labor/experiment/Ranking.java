package io.cairn.labor.experiment;

import io.cairn.labor.features.FeatureMatrix;
import io.cairn.labor.profile.Profile;

/** Orders a profile's candidates by score and reads off their relevance: what the metrics are given. */
final class Ranking {
  private Ranking() {}

  /** Rows of the matrix by descending score; ties go to the lower skill index, so the order is deterministic. */
  static Integer[] order(FeatureMatrix m, double[] scores) {
    Integer[] rows = new Integer[m.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    java.util.Arrays.sort(rows, (a, b) -> {
      int c = Double.compare(scores[b], scores[a]);
      return c != 0 ? c : Integer.compare(m.candidate(a), m.candidate(b));
    });
    return rows;
  }

  /** Relevance of the ranked candidates, best-scored first. */
  static int[] rankedRelevance(Profile profile, FeatureMatrix m, double[] scores) {
    Integer[] rows = order(m, scores);
    int[] relevance = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      relevance[i] = profile.relevance(m.candidate(rows[i]));
    }
    return relevance;
  }
}
