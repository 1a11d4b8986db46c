package io.cairn.plan;

import io.cairn.catalog.IntSet;
import java.util.List;

/**
 * The solver runs of one request, within its time budget: each run builds a fresh model of the problem (with or
 * without the budget and hours, with the goal required or not, with the cuts that earlier plans put in), hints it,
 * and solves it with what is left of the budget. Keeps the count and the time for the report.
 */
final class Solves {
  /** Even a run after the budget is spent gets this long, so that a diagnosis is not cut off before presolve. */
  static final double MIN_RUN_MS = 10;
  private final Problem problem;
  private final Problem first;
  private final SolverSettings settings;
  private long deadline = Long.MIN_VALUE;
  private int count;
  private double wallMs;
  private int candidates;

  /**
   * @param problem the problem alternatives are looked for in
   * @param first the problem the best plan is looked for in (the same, or with purchases a bound rules out)
   */
  Solves(Problem problem, Problem first, SolverSettings settings) {
    this.problem = problem;
    this.first = first;
    this.settings = settings;
    this.candidates = first.pool().size();
  }

  /** What a run asks for. */
  record Ask(Objective objective, boolean requireGoal, boolean budget, boolean hours, IntSet hint,
      List<IntSet> differFrom, List<IntSet> refused) {
    public Ask {
      differFrom = List.copyOf(differFrom);
      refused = List.copyOf(refused);
    }

    static Ask of(Objective objective, boolean requireGoal, IntSet hint) {
      return new Ask(objective, requireGoal, true, true, hint, List.of(), List.of());
    }

    Ask relaxed(boolean keepBudget, boolean keepHours) {
      return new Ask(objective, requireGoal, keepBudget, keepHours, hint, differFrom, refused);
    }

    Ask differingFrom(List<IntSet> plans) {
      return new Ask(objective, requireGoal, budget, hours, hint, plans, refused);
    }

    Ask refusing(List<IntSet> sets) {
      return new Ask(objective, requireGoal, budget, hours, hint, differFrom, sets);
    }

    Ask hinted(IntSet set) {
      return new Ask(objective, requireGoal, budget, hours, set, differFrom, refused);
    }
  }

  /** Milliseconds left of the request's solver budget, which starts with the first run. */
  double remainingMs() {
    if (deadline == Long.MIN_VALUE) {
      deadline = System.nanoTime() + settings.timeLimit().toNanos();
    }
    return Math.max(0, (deadline - System.nanoTime()) / 1e6);
  }

  /**
   * Solves {@code ask} with {@code share} of the remaining budget (at least {@value #MIN_RUN_MS} ms); empty when the
   * cuts leave no plan to look for.
   */
  java.util.Optional<CpSat.Result> run(Ask ask, double share) {
    SatModel sat = new SatModel(ask.differFrom().isEmpty() ? first : problem, ask.budget(), ask.hours());
    SatObjective objective = SatObjective.goal(sat);
    if (ask.requireGoal()) {
      objective.require();
    }
    List<SatObjective.Level> levels = objective.levels(ask.objective());
    if (!ask.differFrom().isEmpty() && ask.objective() != Objective.VALUE) {
      // an alternative is optimal on the first level only: its tie-break (hours, or cost) would double its time
      levels = levels.subList(0, 1);
    }
    for (IntSet plan : ask.differFrom()) {
      if (!sat.forbidSupersetsOf(plan)) {
        return java.util.Optional.empty();
      }
    }
    ask.refused().forEach(sat::forbid);
    double limit = Math.max(MIN_RUN_MS, remainingMs() * share);
    CpSat.Result result = CpSat.solve(sat, levels, ask.hint(), limit, settings.workers());
    count++;
    wallMs += result.wallMs();
    return java.util.Optional.of(result);
  }

  SolverReport report(SolverReport.Status status, String note) {
    return new SolverReport(status, candidates, count, wallMs, settings.timeLimit().toNanos() / 1e6, note);
  }
}
