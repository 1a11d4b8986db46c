package io.cairn.rank;

import io.cairn.audit.AuditResult;
import io.cairn.catalog.IntSet;
import java.util.Map;
import java.util.Optional;

/**
 * A goal turned into what is still to do: unmet competency targets and, for a pathway, the audit with its open
 * requirements.
 *
 * @param label what the goal is called, for people
 * @param targets unmet targets by competency index
 * @param metTargets targets the learner already holds
 * @param audit the pathway audit, for a pathway goal
 * @param unmet the targets' competencies, as a set
 * @param weights the targets' weights, for fast scoring
 */
public record GoalTargets(
    String kind, String id, String label, Map<Integer, Target> targets, IntSet metTargets,
    Optional<AuditResult> audit, IntSet unmet, TargetWeights weights) {

  public GoalTargets {
    // a TargetMap is immutable already; any other map is copied
    targets = targets instanceof TargetMap ? targets : Map.copyOf(targets);
    // unmet is a set and the keys are distinct: as many of each, and each unmet a key, is the same set
    if (!sameKeys(unmet, targets)) {
      throw new IllegalArgumentException("unmet must be the targets' competencies");
    }
  }

  /** Targets with {@link #unmet()} computed once, since scorers ask for it per candidate. */
  public static GoalTargets of(String kind, String id, String label, Map<Integer, Target> targets,
      IntSet metTargets, Optional<AuditResult> audit) {
    int[] keys = new int[targets.size()];
    int n = 0;
    for (Integer k : targets.keySet()) {
      keys[n++] = k;
    }
    IntSet unmet = IntSet.of(keys);
    return new GoalTargets(kind, id, label, targets, metTargets, audit, unmet, TargetWeights.of(unmet, targets));
  }

  /** Targets sorted by competency (see {@link TargetMap}), their keys the unmet set as it is. */
  static GoalTargets of(String kind, String id, String label, TargetMap targets, IntSet metTargets,
      Optional<AuditResult> audit) {
    IntSet unmet = IntSet.of(targets.keys());
    return new GoalTargets(kind, id, label, targets, metTargets, audit, unmet, TargetWeights.of(unmet, targets));
  }

  private static boolean sameKeys(IntSet unmet, Map<Integer, Target> targets) {
    if (unmet.size() != targets.size()) {
      return false;
    }
    if (targets instanceof TargetMap sorted) {
      for (int i = 0; i < unmet.size(); i++) {
        if (unmet.get(i) != sorted.keys()[i]) {
          return false;
        }
      }
      return true;
    }
    for (int i = 0; i < unmet.size(); i++) {
      if (!targets.containsKey(unmet.get(i))) {
        return false;
      }
    }
    return true;
  }

  public double weight(int competency) {
    return weights.weight(competency);
  }
}
