package io.cairn.plan;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The planner's answer: the plans, best first, the greedy baseline beside them, which of the two answered, how the
 * solver fared, and, when the goal cannot be reached, exactly what blocks it.
 *
 * @param plans the best plan, then up to {@code alternatives - 1} genuinely different ones; never empty (a goal
 *     already reached gives one plan without steps, an unreachable one the best partial plan)
 * @param greedy the baseline: the recommender's best next step repeated, always computed
 * @param answeredBy {@link Source#SOLVER} when the first plan is the solver's, {@link Source#GREEDY} when the solver
 *     was unavailable, found nothing within its time limit, or its plan failed the audit
 * @param blockers why the goal cannot be reached under the constraints; empty when the first plan reaches it
 */
public record Plans(
    PlanGoal goal,
    Objective objective,
    List<Plan> plans,
    Plan greedy,
    Source answeredBy,
    SolverReport solver,
    List<Blocker> blockers,
    long catalogVersion) {

  public Plans {
    plans = List.copyOf(plans);
    blockers = List.copyOf(blockers);
    if (plans.isEmpty()) {
      throw new IllegalArgumentException("an answer has at least one plan");
    }
  }

  /** Who made a plan. */
  public enum Source {
    /** The exact solver (OR-Tools CP-SAT). */
    SOLVER,
    /** The greedy planner: the recommender's best next step, repeated. */
    GREEDY
  }

  /** The best plan. */
  public Plan best() {
    return plans.getFirst();
  }

  /** Why the best plan does not reach the goal, in words; empty when it does. */
  public Optional<String> reason() {
    if (best().reachesGoal()) {
      return Optional.empty();
    }
    if (blockers.isEmpty()) {
      return Optional.of("the goal cannot be reached under the constraints");
    }
    return Optional.of(blockers.stream().map(Blocker::detail).collect(Collectors.joining("; ")));
  }
}
