package io.cairn.rank;

import io.cairn.catalog.IntSet;
import java.util.List;

/**
 * Why a credential is suggested, in facts a person can check.
 *
 * @param covers unmet targets it teaches, with their weights
 * @param advances open pathway requirements it advances
 * @param stacksInto larger credentials it counts toward, not yet held: direct ones first, then what they stack into
 * @param unlocks credentials that list it as a prerequisite, not yet held
 * @param missingPrerequisites prerequisite credentials still to take before it (one step away)
 * @param missingCompetencies prerequisite competencies still to gain before it
 * @param totalCost cost including missing prerequisites
 * @param totalHours hours including missing prerequisites
 * @param counted the skills a learned scorer counted, with their evidence; empty with the transparent scorer,
 *     whose terms are the fields above
 * @param unknown the facts not known of it or of its missing prerequisite ({@code workload}, {@code cost}): the
 *     hours or cost above count such a credential as 0, and only a request without a limit on them suggests it
 */
public record Explanation(
    List<Target> covers,
    List<RequirementStep> advances,
    List<Integer> stacksInto,
    IntSet unlocks,
    IntSet missingPrerequisites,
    IntSet missingCompetencies,
    double cost,
    String currency,
    double hours,
    double ects,
    double totalCost,
    double totalHours,
    List<CountedSkill> counted,
    List<String> unknown) {

  public Explanation {
    covers = List.copyOf(covers);
    counted = List.copyOf(counted);
    stacksInto = List.copyOf(stacksInto);
    advances = List.copyOf(advances);
    unknown = List.copyOf(unknown);
  }

  public boolean oneStepAway() {
    return !missingPrerequisites.isEmpty() || !missingCompetencies.isEmpty();
  }
}
