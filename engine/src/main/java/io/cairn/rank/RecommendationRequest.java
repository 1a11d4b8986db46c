package io.cairn.rank;

import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import java.util.Objects;

/**
 * A question for the recommender: who, toward what, under which limits, and how many answers (1..50).
 */
public record RecommendationRequest(Learner learner, Goal goal, Constraints constraints, int k) {
  public static final int MAX_K = 50;

  public RecommendationRequest {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(goal, "goal");
    constraints = constraints == null ? Constraints.none() : constraints;
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
    }
  }
}
