package io.cairn.plan;

import io.cairn.audit.AdvisorException;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A question for the planner: who, toward what, under which limits, optimising what, and how many plans.
 *
 * @param constraints the limits of the whole plan: {@code maxCost} is its budget and {@code maxHours} its total
 *     study time; modes, credit-bearing only and the highest EQF level apply to every credential bought
 * @param reach for occupation and competency goals, the share of the essential skills (or listed competencies)
 *     the plan must cover, in (0, 1]; optional skills count as value, not as a requirement. Ignored for pathways.
 * @param hoursPerWeek study hours per week, to lay the steps out in weeks; 0 for no calendar
 * @param include credentials (ids or IRIs) the plan must contain: the advisor's "she must take Statistics"
 * @param exclude credentials the plan must not contain: "without the bootcamp"
 * @param alternatives how many plans, 1 to {@value #MAX_ALTERNATIVES}: the best, then genuinely different ones
 * @param destination for a pathway goal: the destination to plan to (id or IRI), {@value #NEAREST} for whichever is
 *     nearest (an off-ramp included), the id or IRI of a requirement node of a destination's tree (to plan what
 *     is left of that node alone), or null for the pathway's final destination
 * @param exceptions the advisor's waivers and substitutions on the pathway's requirements
 */
public record PlanRequest(
    Learner learner,
    Goal goal,
    Constraints constraints,
    Objective objective,
    double reach,
    double hoursPerWeek,
    List<String> include,
    List<String> exclude,
    int alternatives,
    String destination,
    List<AdvisorException> exceptions) {

  public static final int MAX_ALTERNATIVES = 5;
  public static final String NEAREST = "nearest";
  /** The most hours a week anyone studies: a week has 168. */
  public static final double MAX_HOURS_PER_WEEK = 168;

  public PlanRequest {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(goal, "goal");
    constraints = constraints == null ? Constraints.none() : constraints;
    objective = objective == null ? Objective.COST : objective;
    if (!(reach > 0 && reach <= 1)) {
      throw new IllegalArgumentException("reach must be more than 0 and at most 1, got " + reach);
    }
    if (!(hoursPerWeek >= 0 && hoursPerWeek <= MAX_HOURS_PER_WEEK)) {
      throw new IllegalArgumentException("hoursPerWeek must be from 0 (no calendar) to " + (int) MAX_HOURS_PER_WEEK
          + ", got " + hoursPerWeek);
    }
    if (alternatives < 1 || alternatives > MAX_ALTERNATIVES) {
      throw new IllegalArgumentException("alternatives must be from 1 to " + MAX_ALTERNATIVES + ", got " + alternatives);
    }
    include = clean(include, "include");
    exclude = clean(exclude, "exclude");
    Set<String> both = new HashSet<>(include);
    both.retainAll(exclude);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("a credential cannot be both included and excluded: "
          + String.join(", ", both.stream().sorted().toList()));
    }
    destination = destination == null || destination.isBlank() ? null : destination.trim();
    exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
  }

  /** The cheapest plan to {@code goal}, reaching it in full, one plan, no limits. */
  public static PlanRequest of(Learner learner, Goal goal) {
    return new PlanRequest(learner, goal, Constraints.none(), Objective.COST, 1.0, 0, List.of(), List.of(), 1, null,
        List.of());
  }

  public PlanRequest withLearner(Learner l) {
    return new PlanRequest(l, goal, constraints, objective, reach, hoursPerWeek, include, exclude, alternatives,
        destination, exceptions);
  }

  public PlanRequest withConstraints(Constraints c) {
    return new PlanRequest(learner, goal, c, objective, reach, hoursPerWeek, include, exclude, alternatives,
        destination, exceptions);
  }

  public PlanRequest withObjective(Objective o) {
    return new PlanRequest(learner, goal, constraints, o, reach, hoursPerWeek, include, exclude, alternatives,
        destination, exceptions);
  }

  public PlanRequest withReach(double r) {
    return new PlanRequest(learner, goal, constraints, objective, r, hoursPerWeek, include, exclude, alternatives,
        destination, exceptions);
  }

  public PlanRequest withHoursPerWeek(double h) {
    return new PlanRequest(learner, goal, constraints, objective, reach, h, include, exclude, alternatives,
        destination, exceptions);
  }

  public PlanRequest withInclude(List<String> ids) {
    return new PlanRequest(learner, goal, constraints, objective, reach, hoursPerWeek, ids, exclude, alternatives,
        destination, exceptions);
  }

  public PlanRequest withExclude(List<String> ids) {
    return new PlanRequest(learner, goal, constraints, objective, reach, hoursPerWeek, include, ids, alternatives,
        destination, exceptions);
  }

  public PlanRequest withAlternatives(int n) {
    return new PlanRequest(learner, goal, constraints, objective, reach, hoursPerWeek, include, exclude, n,
        destination, exceptions);
  }

  public PlanRequest withDestination(String d) {
    return new PlanRequest(learner, goal, constraints, objective, reach, hoursPerWeek, include, exclude, alternatives,
        d, exceptions);
  }

  public PlanRequest withExceptions(List<AdvisorException> e) {
    return new PlanRequest(learner, goal, constraints, objective, reach, hoursPerWeek, include, exclude, alternatives,
        destination, e);
  }

  private static List<String> clean(List<String> ids, String field) {
    if (ids == null) {
      return List.of();
    }
    for (String id : ids) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(field + " must not contain empty or null ids");
      }
    }
    return ids.stream().map(String::trim).distinct().toList();
  }
}
