package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import java.util.Map;
import java.util.stream.Collectors;

/** Why a list came back empty or shorter than asked, in words that say what to change. */
final class ShortListReason {
  private ShortListReason() {}

  static String of(CatalogSnapshot snapshot, GoalTargets goal, CandidateGenerator.Result generated,
      Map<String, Integer> excluded, RecommendationRequest request) {
    int eligible = generated.eligible();
    boolean openRequirements = goal.audit().map(a -> !a.openLeaves().isEmpty()).orElse(false);
    if (goal.targets().isEmpty() && !openRequirements) {
      return "goal already reached: the learner holds every competency and requirement '" + goal.label()
          + "' asks for";
    }
    if (generated.advancing() == 0) {
      String examples = goal.targets().keySet().stream().sorted().limit(3)
          .map(k -> snapshot.competency(k).label()).collect(Collectors.joining(", "));
      return "no credential in the catalog teaches any of the " + goal.targets().size()
          + " unmet targets (for example " + examples + ")";
    }
    if (generated.candidates() == 0) {
      return generated.advancing() + " credential(s) would advance the goal, but each needs more than one"
          + " prerequisite the learner does not hold";
    }
    if (eligible == 0) {
      String why = excluded.entrySet().stream()
          .filter(e -> !e.getKey().equals(Exclusions.PREREQUISITES_TOO_FAR))
          .map(e -> e.getValue() + " " + ConstraintCheck.describe(e.getKey(), request.constraints()))
          .collect(Collectors.joining(", "));
      return generated.candidates() + " credential(s) would advance the goal, but none fits the constraints: "
          + why;
    }
    return "only " + eligible + " credential(s) advance the goal within the constraints";
  }
}
