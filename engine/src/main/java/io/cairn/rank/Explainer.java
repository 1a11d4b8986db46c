package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.learner.ResolvedLearner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Says why a candidate is suggested, in facts a person can check; called for the final list only. */
final class Explainer {
  private static final Comparator<Target> HEAVIEST_FIRST =
      Comparator.comparingDouble(Target::weight).reversed().thenComparingInt(Target::competency);

  private Explainer() {}

  static Explanation explain(CatalogSnapshot snapshot, ResolvedLearner learner, GoalTargets goal,
      Candidate candidate, List<CountedSkill> counted) {
    Credential credential = snapshot.credential(candidate.credential());
    IntSet newTargets = candidate.newTargets();
    List<Target> covers = new ArrayList<>(newTargets.size());
    for (int i = 0; i < newTargets.size(); i++) {
      covers.add(goal.targets().get(newTargets.get(i)));
    }
    covers.sort(HEAVIEST_FIRST);
    List<Integer> stacksInto = new ArrayList<>();
    credential.stacksInto().forEach(link -> stacksInto.add(link.target()));
    IntSet closure = snapshot.stacksIntoClosure(credential.index());
    for (int i = 0; i < closure.size(); i++) {
      if (!stacksInto.contains(closure.get(i))) {
        stacksInto.add(closure.get(i));
      }
    }
    stacksInto.removeIf(learner.credentials()::contains);
    IntSet unlocks = snapshot.unlocks(credential.index()).minus(learner.credentials());
    return new Explanation(covers, candidate.steps(), stacksInto, unlocks, candidate.missingPrerequisites(),
        candidate.missingCompetencies(), credential.cost(), credential.currency(), credential.hours(),
        credential.ects(), candidate.totalCost(), candidate.totalHours(), counted, unknown(snapshot, candidate));
  }

  /** {@code workload} and {@code cost} when the credential, or a prerequisite still to take, leaves it out. */
  private static List<String> unknown(CatalogSnapshot snapshot, Candidate candidate) {
    Credential own = snapshot.credential(candidate.credential());
    boolean workloadUnknown = !own.workloadKnown();
    boolean costUnknown = !own.costKnown();
    IntSet missing = candidate.missingPrerequisites();
    for (int i = 0; i < missing.size(); i++) {
      Credential prerequisite = snapshot.credential(missing.get(i));
      workloadUnknown |= !prerequisite.workloadKnown();
      costUnknown |= !prerequisite.costKnown();
    }
    if (!workloadUnknown && !costUnknown) {
      return List.of();
    }
    List<String> unknown = new ArrayList<>(2);
    if (workloadUnknown) {
      unknown.add(Credential.Fact.WORKLOAD.label());
    }
    if (costUnknown) {
      unknown.add(Credential.Fact.COST.label());
    }
    return unknown;
  }
}
