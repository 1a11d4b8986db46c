package io.cairn.rank;

import io.cairn.catalog.IntSet;
import java.util.Arrays;
import java.util.Map;

/**
 * The unmet targets' weights in arrays aligned with their sorted competency indices, so that scoring a
 * candidate is a merge of two sorted arrays, with no boxing or map lookups.
 */
public final class TargetWeights {
  private final int[] competencies;
  private final double[] weights;

  private TargetWeights(int[] competencies, double[] weights) {
    this.competencies = competencies;
    this.weights = weights;
  }

  /** @param unmet the targets' competencies */
  static TargetWeights of(IntSet unmet, Map<Integer, Target> targets) {
    int[] keys = unmet.toArray();
    double[] w = new double[keys.length];
    for (int i = 0; i < keys.length; i++) {
      w[i] = targets.get(keys[i]).weight();
    }
    return new TargetWeights(keys, w);
  }

  /** The weight of {@code competency}, 0 when it is not an unmet target. */
  public double weight(int competency) {
    int i = Arrays.binarySearch(competencies, competency);
    return i >= 0 ? weights[i] : 0;
  }

  /** The weight of the {@code i}-th unmet target, in the order of {@link GoalTargets#unmet()}. */
  double weightAt(int i) {
    return weights[i];
  }

  /** The summed weight of the unmet targets among {@code taught}. */
  public double sum(IntSet taught) {
    double sum = 0;
    int j = 0;
    for (int i = 0; i < taught.size() && j < competencies.length; i++) {
      int k = taught.get(i);
      while (j < competencies.length && competencies[j] < k) {
        j++;
      }
      if (j < competencies.length && competencies[j] == k) {
        sum += weights[j];
      }
    }
    return sum;
  }
}
