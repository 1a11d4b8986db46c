package io.cairn.labor.titles.eval;

import io.cairn.labor.eval.Bootstrap;
import io.cairn.labor.eval.Interval;
import io.cairn.labor.experiment.TrainingProgress;
import java.util.List;

/**
 * How well a ranker finds each title's occupation: the share found first (top-1), in the first five (top-5), and
 * the mean reciprocal rank (0 when it is not in the first {@link #DEPTH}), each with a 95% bootstrap interval over
 * the titles. Only the ranked list is seen, never the ranker.
 */
public record TitleMetrics(int titles, Interval top1, Interval top5, Interval mrr) {
  /** How deep each ranked list is read. */
  public static final int DEPTH = 100;

  /** Measures {@code ranker} on {@code titles}, whose occupations are {@code gold}. */
  public static TitleMetrics measure(TitleRanker ranker, List<String> titles, int[] gold, TrainingProgress progress) {
    int n = titles.size();
    int[] ranks = new int[n];
    for (int i = 0; i < n; i++) {
      ranks[i] = rankOf(ranker.rank(titles.get(i), DEPTH), gold[i]);
      if ((i + 1) % 500 == 0 || i + 1 == n) {
        progress.advance(i + 1, n);
      }
    }
    return of(ranks);
  }

  /** The metrics of the 1-based ranks of the gold occupations (0: not ranked). */
  public static TitleMetrics of(int[] ranks) {
    double[] top1 = new double[ranks.length];
    double[] top5 = new double[ranks.length];
    double[] reciprocal = new double[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      top1[i] = ranks[i] == 1 ? 1 : 0;
      top5[i] = ranks[i] >= 1 && ranks[i] <= 5 ? 1 : 0;
      reciprocal[i] = ranks[i] == 0 ? 0 : 1.0 / ranks[i];
    }
    Bootstrap bootstrap = Bootstrap.DEFAULT;
    return new TitleMetrics(ranks.length, bootstrap.interval(top1), bootstrap.interval(top5),
        bootstrap.interval(reciprocal));
  }

  /** The 1-based position of {@code gold} in {@code ranked}, 0 when absent. */
  public static int rankOf(int[] ranked, int gold) {
    for (int i = 0; i < ranked.length; i++) {
      if (ranked[i] == gold) {
        return i + 1;
      }
    }
    return 0;
  }
}
