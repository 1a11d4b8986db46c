package io.cairn.labor.eval;

import java.util.List;
import java.util.Map;

/**
 * The evaluation of the model and the baselines on one split.
 *
 * @param poolRecall per held fraction, the share of relevant hidden skills that the candidate pool contains
 *     (the rest count as misses for every scorer)
 * @param bestBaseline name of the baseline with the highest NDCG@10 at each held fraction
 * @param ratioToBestBaseline model NDCG@10 / best baseline NDCG@10, per held fraction
 * @param intervalsSeparate whether the model's NDCG@10 interval lies above the best baseline's, per fraction
 */
public record EvaluationReport(String split, int bootstrapResamples, long bootstrapSeed,
    List<ScorerResult> scorers, Map<String, Double> poolRecall, Map<String, String> bestBaseline,
    Map<String, Double> ratioToBestBaseline, Map<String, Boolean> intervalsSeparate) {

  public EvaluationReport {
    scorers = List.copyOf(scorers);
    poolRecall = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(poolRecall));
    bestBaseline = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(bestBaseline));
    ratioToBestBaseline = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(ratioToBestBaseline));
    intervalsSeparate = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(intervalsSeparate));
  }
}
