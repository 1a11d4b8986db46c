package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.CredentialFacts;
import io.cairn.catalog.IntSet;
import io.cairn.learner.ResolvedLearner;

/** Where a learner stands against a credential's prerequisites: held, or takeable in one step. */
final class Prerequisites {
  private Prerequisites() {}

  /** True when the learner holds {@code prerequisite} (as {@link CredentialFacts#prerequisite} encodes it). */
  static boolean holds(ResolvedLearner learner, int prerequisite) {
    return prerequisite >= 0 ? learner.credentials().contains(prerequisite)
        : learner.competencies().contains(CredentialFacts.requiredCompetency(prerequisite));
  }

  /** The one missing prerequisite (as {@link CredentialFacts#prerequisite} encodes it) can itself be taken now. */
  static boolean reachableInOneStep(CatalogSnapshot snapshot, ResolvedLearner learner, int missing) {
    if (missing >= 0) {
      return takeableNow(snapshot, missing, learner);
    }
    int competency = CredentialFacts.requiredCompetency(missing);
    if (snapshot.taughtWithoutPrerequisites(competency)) {
      // the learner holds none of its teachers (their competencies would count as held), so one of those is open
      return true;
    }
    IntSet teachers = snapshot.taughtBy(competency);
    for (int i = 0; i < teachers.size(); i++) {
      if (!learner.credentials().contains(teachers.get(i)) && takeableNow(snapshot, teachers.get(i), learner)) {
        return true;
      }
    }
    return false;
  }

  /** The learner holds every prerequisite of credential {@code c}. */
  static boolean takeableNow(CatalogSnapshot snapshot, int c, ResolvedLearner learner) {
    CredentialFacts facts = snapshot.facts();
    return takeableNow(facts, learner, facts.prerequisiteRange(c));
  }

  /** The learner holds every prerequisite in {@code range} (a {@link CredentialFacts#prerequisiteRange}). */
  static boolean takeableNow(CredentialFacts facts, ResolvedLearner learner, long range) {
    for (int at = (int) range, end = (int) (range >>> 32); at < end; at++) {
      if (!holds(learner, facts.prerequisite(at))) {
        return false;
      }
    }
    return true;
  }
}
