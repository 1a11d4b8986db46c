package io.cairn.rank;

import io.cairn.catalog.IntSet;
import java.util.List;

/**
 * A credential that would move the learner toward the goal.
 *
 * @param newTargets unmet targets it teaches
 * @param steps unmet pathway requirements it advances
 * @param missingPrerequisites prerequisite credentials still to take (empty when it can be taken now)
 * @param missingCompetencies prerequisite competencies still to gain
 * @param totalCost its cost plus that of its missing prerequisite credentials
 * @param totalHours its hours plus those of its missing prerequisite credentials
 */
public record Candidate(
    int credential, IntSet newTargets, List<RequirementStep> steps, IntSet missingPrerequisites,
    IntSet missingCompetencies, double totalCost, double totalHours) {

  public Candidate {
    steps = List.copyOf(steps);
  }

  /** True when one prerequisite stands between the learner and this credential. */
  public boolean oneStepAway() {
    return missingPrerequisites.size() + missingCompetencies.size() > 0;
  }
}
