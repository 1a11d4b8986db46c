package io.cairn.plan;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One plan: ordered steps with running totals, its totals, whether it reaches the goal, and how good it is.
 *
 * @param rank 1 for the best plan, then 2, 3, ... for the alternatives
 * @param optimal true only when the solver proved that no plan is better on the objective (for an alternative:
 *     none better among the plans that do not contain all of an earlier plan's credentials)
 * @param bound the solver's proven bound on the objective (cost in the catalog's currency, hours, or value), when
 *     it answered
 * @param gap {@code |objective - bound| / |objective|} when the solver answered; 0 when optimal
 * @param destination for a pathway goal, the destination this plan reaches (with "nearest", alternatives may reach
 *     another one than the first plan), or null when it reaches none or the goal is not a pathway
 * @param difference how it differs from the first plan; empty for the first plan
 */
public record Plan(
    int rank,
    Plans.Source source,
    List<PlanStep> steps,
    Totals totals,
    boolean reachesGoal,
    String destination,
    Progress progress,
    boolean optimal,
    OptionalDouble bound,
    OptionalDouble gap,
    Optional<Difference> difference) {

  public Plan {
    steps = List.copyOf(steps);
  }

  /**
   * @param bought credentials to buy
   * @param granted credentials granted when their parts are complete (stacking), not bought again
   * @param weeks calendar weeks at the request's hours per week (0 without a calendar)
   */
  public record Totals(double cost, String currency, double hours, double ects, int weeks, int bought, int granted) {}

  /**
   * How far the goal is reached, before and after the plan.
   *
   * @param before share met by the learner's holdings (of the essential skills, listed competencies, or the
   *     destination's requirement nodes)
   * @param after share met after the plan
   * @param met how many are met after the plan
   * @param value the goal value the plan covers: summed weights of the targets newly covered (essential, optional
   *     and listed skills as the recommender weighs them), or requirement nodes newly satisfied for a pathway
   * @param attainableOccupations occupations the plan makes attainable (at least 80% of their essential skills),
   *     counted when the value objective weighs job offers
   * @param attainableJobOffers their job offers
   */
  public record Progress(double before, double after, int met, int total, double value, int attainableOccupations,
      long attainableJobOffers) {}

  /**
   * How an alternative differs from the first plan.
   *
   * @param cost its cost minus the first plan's
   * @param hours its hours minus the first plan's
   * @param ects its ECTS minus the first plan's
   * @param removed credentials of the first plan it does without
   * @param added credentials it takes that the first plan does not
   * @param notes the same in words: "costs 120 EUR more", "48 hours shorter", "all credit-bearing", "other issuers"
   */
  public record Difference(double cost, double hours, double ects, List<Integer> removed, List<Integer> added,
      List<String> notes) {
    public Difference {
      removed = List.copyOf(removed);
      added = List.copyOf(added);
      notes = List.copyOf(notes);
    }
  }
}
