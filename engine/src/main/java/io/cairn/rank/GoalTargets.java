package io.cairn.rank;

import io.cairn.audit.AuditResult;
import io.cairn.catalog.IntSet;
import java.util.List;
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
 */
public record GoalTargets(
    String kind, String id, String label, Map<Integer, Target> targets, IntSet metTargets,
    Optional<AuditResult> audit) {

  public GoalTargets {
    targets = Map.copyOf(targets);
  }

  public IntSet unmet() {
    return IntSet.of(List.copyOf(targets.keySet()));
  }

  public double weight(int competency) {
    Target t = targets.get(competency);
    return t == null ? 0 : t.weight();
  }
}
