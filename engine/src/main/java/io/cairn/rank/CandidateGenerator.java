package io.cairn.rank;

import io.cairn.audit.AuditResult;
import io.cairn.audit.OpenLeaf;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.learner.ResolvedLearner;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Finds the credentials worth considering: not held, advancing the goal (an unmet target or an open requirement),
 * and takeable now or one prerequisite away.
 */
final class CandidateGenerator {

  /** The candidates, and how many advancing credentials were left out for prerequisites. */
  record Result(List<Candidate> candidates, int blockedByPrerequisites, int advancing) {}

  Result generate(CatalogSnapshot snapshot, GoalTargets goal, ResolvedLearner learner) {
    IntSet unmet = goal.unmet();
    List<OpenLeaf> openLeaves = goal.audit().map(AuditResult::openLeaves).orElse(List.of());
    List<Candidate> candidates = new ArrayList<>();
    int blocked = 0;
    int advancing = 0;
    BitSet reach = reachable(snapshot, unmet, openLeaves);
    for (int c = reach.nextSetBit(0); c >= 0; c = reach.nextSetBit(c + 1)) {
      Credential credential = snapshot.credential(c);
      if (learner.credentials().contains(credential.index())) {
        continue;
      }
      IntSet newTargets = credential.teaches().intersect(unmet);
      List<RequirementStep> steps = steps(credential, openLeaves);
      if (newTargets.isEmpty() && steps.isEmpty()) {
        continue;
      }
      advancing++;
      IntSet missingCredentials = credential.requiredCredentials().minus(learner.credentials());
      IntSet missingCompetencies = credential.requiredCompetencies().minus(learner.competencies());
      int missing = missingCredentials.size() + missingCompetencies.size();
      if (missing == 0 || (missing == 1 && reachableInOneStep(snapshot, learner, missingCredentials, missingCompetencies))) {
        double cost = credential.cost();
        double hours = credential.hours();
        for (int i = 0; i < missingCredentials.size(); i++) {
          cost += snapshot.credential(missingCredentials.get(i)).cost();
          hours += snapshot.credential(missingCredentials.get(i)).hours();
        }
        candidates.add(new Candidate(credential.index(), newTargets, steps, missingCredentials, missingCompetencies,
            cost, hours));
      } else {
        blocked++;
      }
    }
    return new Result(candidates, blocked, advancing);
  }

  /**
   * Every credential that could advance the goal, from the inverted indices: those teaching an unmet target,
   * and those that are, stack into, or teach an open requirement. The rest of the catalog is never touched.
   */
  private static BitSet reachable(CatalogSnapshot snapshot, IntSet unmet, List<OpenLeaf> openLeaves) {
    BitSet reach = new BitSet(snapshot.credentials().size());
    for (int i = 0; i < unmet.size(); i++) {
      snapshot.taughtBy(unmet.get(i)).stream().forEach(reach::set);
    }
    for (OpenLeaf leaf : openLeaves) {
      if (leaf.credentialLeaf()) {
        reach.set(leaf.target());
        snapshot.stackedFrom(leaf.target()).stream().forEach(reach::set);
      } else {
        snapshot.taughtBy(leaf.target()).stream().forEach(reach::set);
      }
    }
    return reach;
  }

  private static List<RequirementStep> steps(Credential credential, List<OpenLeaf> openLeaves) {
    List<RequirementStep> steps = new ArrayList<>();
    for (OpenLeaf leaf : openLeaves) {
      if (leaf.credentialLeaf() && leaf.target() == credential.index()) {
        steps.add(new RequirementStep(leaf.requirementId(), leaf.requirementName(), leaf.leafId(), leaf.leafName(),
            credential.ects(), true));
      } else if (leaf.credentialLeaf() && credential.stacksInto(leaf.target())) {
        steps.add(new RequirementStep(leaf.requirementId(), leaf.requirementName(), leaf.leafId(), leaf.leafName(),
            credential.creditsToward(leaf.target()), false));
      } else if (!leaf.credentialLeaf() && credential.teaches().contains(leaf.target())) {
        steps.add(new RequirementStep(leaf.requirementId(), leaf.requirementName(), leaf.leafId(), leaf.leafName(),
            0, true));
      }
    }
    return steps;
  }

  /** The one missing prerequisite can itself be taken now. */
  private static boolean reachableInOneStep(CatalogSnapshot snapshot, ResolvedLearner learner,
      IntSet missingCredentials, IntSet missingCompetencies) {
    if (!missingCredentials.isEmpty()) {
      return takeableNow(snapshot.credential(missingCredentials.get(0)), learner);
    }
    int competency = missingCompetencies.get(0);
    return snapshot.taughtBy(competency).stream()
        .anyMatch(c -> !learner.credentials().contains(c) && takeableNow(snapshot.credential(c), learner));
  }

  private static boolean takeableNow(Credential credential, ResolvedLearner learner) {
    return credential.requiredCredentials().minus(learner.credentials()).isEmpty()
        && credential.requiredCompetencies().minus(learner.competencies()).isEmpty();
  }
}
