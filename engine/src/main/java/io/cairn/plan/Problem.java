package io.cairn.plan;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.learner.ResolvedLearner;
import io.cairn.rank.GoalTargets;
import java.util.List;

/**
 * A plan request resolved against one snapshot: the learner's holdings, the goal's targets (as the recommender
 * weighs them) and what the plan must reach, the included and excluded credentials, and the pruned candidates.
 *
 * @param nearby occupations the value objective may make attainable (empty unless it weighs job offers)
 */
record Problem(
    CatalogSnapshot snapshot,
    PlanRequest request,
    ResolvedLearner learner,
    GoalTargets targets,
    Aim aim,
    IntSet include,
    IntSet exclude,
    CandidatePool pool,
    List<NearbyOccupation> nearby) {

  public Problem {
    nearby = List.copyOf(nearby);
  }

  /** The same problem over another pool. */
  Problem withPool(CandidatePool other) {
    return new Problem(snapshot, request, learner, targets, aim, include, exclude, other, nearby);
  }

  double budget() {
    return request.constraints().maxCost();
  }

  double maxHours() {
    return request.constraints().maxHours();
  }

  boolean held(int credential) {
    return learner.credentials().contains(credential);
  }

  boolean knows(int competency) {
    return learner.competencies().contains(competency);
  }

  String currency() {
    return snapshot.credentials().isEmpty() ? "EUR" : snapshot.credential(0).currency();
  }
}
