package io.cairn.plan;

import io.cairn.rank.RequirementStep;
import io.cairn.rank.Target;
import java.util.List;

/**
 * One step of a plan: a credential to earn, when, why, and the totals so far.
 *
 * @param position 1-based; every prerequisite of a step comes at an earlier position
 * @param granted true when earning its parts grants it (stacking): it costs nothing more and takes no hours
 * @param cost what it costs (0 when granted)
 * @param hours its hours of study (0 when granted)
 * @param startWeek first calendar week, 1-based (0 without a calendar)
 * @param endWeek last calendar week (0 without a calendar)
 * @param covers goal targets it newly covers (not held, not covered by an earlier step), heaviest first
 * @param advances pathway requirements it counts toward
 * @param stacksInto larger credentials of this plan (or held) it counts toward
 * @param completes credentials its completion grants (the steps that follow it, marked granted)
 * @param needs positions of the earlier steps it requires (its prerequisites, or for a granted step its parts)
 */
public record PlanStep(
    int position,
    int credential,
    boolean granted,
    double cost,
    double hours,
    double ects,
    int startWeek,
    int endWeek,
    List<Target> covers,
    List<RequirementStep> advances,
    List<Integer> stacksInto,
    List<Integer> completes,
    List<Integer> needs,
    Running running) {

  public PlanStep {
    covers = List.copyOf(covers);
    advances = List.copyOf(advances);
    stacksInto = List.copyOf(stacksInto);
    completes = List.copyOf(completes);
    needs = List.copyOf(needs);
  }

  /**
   * Totals after this step.
   *
   * @param progress the share of the goal met after it (as {@link Plan.Progress#after()})
   * @param reached true once the goal is reached
   */
  public record Running(double cost, double hours, double ects, double progress, boolean reached) {}
}
