package io.cairn.rank;

import io.cairn.learner.LearnerHoldings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a {@link RecommendationRequest}: the suggestions, best first, or an empty list with the reason.
 *
 * @param reason why the list is empty or shorter than asked; empty when it is full
 * @param candidates credentials that advance the goal and can be taken now or one step away
 * @param excluded how many candidates each broken constraint (or prerequisite) left out
 * @param holdings what the learner holds and where each holding came from (declared, verified, refused)
 */
public record RecommendationList(
    GoalTargets goal,
    List<Recommendation> items,
    Optional<String> reason,
    int candidates,
    Map<String, Integer> excluded,
    String scorer,
    long catalogVersion,
    LearnerHoldings holdings) {

  public RecommendationList {
    items = List.copyOf(items);
    excluded = Map.copyOf(excluded);
    java.util.Objects.requireNonNull(holdings, "holdings");
  }
}
