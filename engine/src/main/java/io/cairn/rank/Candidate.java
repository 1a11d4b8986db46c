package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import java.util.List;

/**
 * A credential that would move the learner toward the goal. What it newly covers is summarised up front (count
 * and summed weight, all a scorer usually needs); the covered targets themselves are computed on demand, since
 * only the few that get explained ever need them.
 */
public final class Candidate {
  private final int credential;
  private final CatalogSnapshot snapshot;
  private final IntSet unmet;
  private final int newTargetCount;
  private final double coverage;
  private final List<RequirementStep> steps;
  private final IntSet missingPrerequisites;
  private final IntSet missingCompetencies;
  private final double totalCost;
  private final double totalHours;

  /**
   * @param snapshot the catalog it is from
   * @param unmet the goal's unmet targets
   * @param newTargetCount how many unmet targets it teaches
   * @param coverage their summed weight
   * @param steps unmet pathway requirements it advances
   * @param missingPrerequisites prerequisite credentials still to take (empty when it can be taken now)
   * @param missingCompetencies prerequisite competencies still to gain
   * @param totalCost its cost plus that of its missing prerequisite credentials
   * @param totalHours its hours plus those of its missing prerequisite credentials
   */
  public Candidate(int credential, CatalogSnapshot snapshot, IntSet unmet, int newTargetCount, double coverage,
      List<RequirementStep> steps, IntSet missingPrerequisites, IntSet missingCompetencies, double totalCost,
      double totalHours) {
    this.credential = credential;
    this.snapshot = snapshot;
    this.unmet = unmet;
    this.newTargetCount = newTargetCount;
    this.coverage = coverage;
    this.steps = List.copyOf(steps);
    this.missingPrerequisites = missingPrerequisites;
    this.missingCompetencies = missingCompetencies;
    this.totalCost = totalCost;
    this.totalHours = totalHours;
  }

  public int credential() {
    return credential;
  }

  /** The unmet targets it covers: teaches, or teaches a narrower concept of (computed on each call). */
  public IntSet newTargets() {
    return snapshot.covers(credential).intersect(unmet);
  }

  public int newTargetCount() {
    return newTargetCount;
  }

  /** The summed weight of the unmet targets it teaches. */
  public double coverage() {
    return coverage;
  }

  public List<RequirementStep> steps() {
    return steps;
  }

  public IntSet missingPrerequisites() {
    return missingPrerequisites;
  }

  public IntSet missingCompetencies() {
    return missingCompetencies;
  }

  public double totalCost() {
    return totalCost;
  }

  public double totalHours() {
    return totalHours;
  }

  /** True when one prerequisite stands between the learner and this credential. */
  public boolean oneStepAway() {
    return missingPrerequisites.size() + missingCompetencies.size() > 0;
  }

  @Override
  public String toString() {
    return "Candidate[credential=" + credential + ", newTargets=" + newTargetCount + ", coverage=" + coverage
        + ", steps=" + steps.size() + ", oneStepAway=" + oneStepAway() + "]";
  }
}
