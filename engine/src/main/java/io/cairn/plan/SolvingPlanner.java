package io.cairn.plan;

import io.cairn.audit.Auditor;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Destination;
import io.cairn.catalog.IntSet;
import io.cairn.rank.Recommender;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The planner: resolves and prunes the problem, computes the greedy baseline, asks CP-SAT for the best plan and
 * the alternatives (each must do without a credential of every earlier plan), checks each against the evaluator
 * and, for a pathway, the audit, and falls back to greedy when the solver cannot answer. An unreachable goal gets
 * the best partial plan (the value objective within the constraints) and its blockers.
 */
final class SolvingPlanner implements Planner {
  /** Re-solves after the audit refuses a plan the best-fit model accepted, before giving up on the solver. */
  static final int AUDIT_RETRIES = 3;

  private final Auditor auditor;
  private final SolverSettings settings;
  private final ProblemBuilder problems;
  private final GreedyPlanner greedy;

  SolvingPlanner(Recommender recommender, Auditor auditor, SolverSettings settings, JobOffers offers) {
    this.auditor = auditor;
    this.settings = settings;
    this.problems = new ProblemBuilder(recommender, auditor, new Nearby(offers));
    this.greedy = new GreedyPlanner(recommender);
  }

  @Override
  public Plans plan(CatalogSnapshot snapshot, PlanRequest request) {
    Problem p = problems.build(snapshot, request);
    PlanEvaluator evaluator = new PlanEvaluator(p, auditor);
    Outcome before = evaluator.evaluate(IntSet.empty());
    StepLayout layout = new StepLayout(evaluator, before);
    GreedyPlanner.Result g = greedy.plan(evaluator);
    Outcome greedyOutcome = evaluator.evaluate(IntSet.of(g.bought()));
    Plan greedyPlan = plan(1, Plans.Source.GREEDY, layout.lay(greedyOutcome, g.bought()).orElseThrow(),
        greedyOutcome, false, OptionalDouble.empty(), OptionalDouble.empty());
    if (before.reaches()) {
      Plan nothing = plan(1, Plans.Source.SOLVER, layout.lay(before, List.of()).orElseThrow(), before, true,
          OptionalDouble.of(0), OptionalDouble.of(0));
      return answer(p, before, List.of(nothing), greedyPlan, Plans.Source.SOLVER,
          new SolverReport(SolverReport.Status.NOT_NEEDED, p.pool().size(), 0, 0, 0, "the goal is already reached"),
          List.of(), before);
    }
    if (!settings.enabled() || !CpSat.available()) {
      String note = settings.enabled() ? "OR-Tools CP-SAT is not available here (" + CpSat.failure()
          + "); the greedy planner answered" : "the solver is turned off; the greedy planner answered";
      return greedyAnswer(p, before, greedyPlan, greedyOutcome, new SolverReport(settings.enabled()
          ? SolverReport.Status.UNAVAILABLE : SolverReport.Status.NOT_NEEDED, p.pool().size(), 0, 0, 0, note));
    }
    Solves solves = new Solves(p, bounded(p, greedyOutcome), settings);
    Search search = new Search(evaluator, layout, solves);
    boolean requireGoal = request.objective() != Objective.VALUE;
    int n = request.alternatives();
    Solves.Ask ask = Solves.Ask.of(request.objective(), requireGoal, greedyOutcome.bought());
    Optional<Found> first = search.find(ask, n > 1 ? 0.5 : 1.0);
    List<Blocker> blockers = List.of();
    SolverReport.Status status;
    if (first.isEmpty() && search.lastInfeasible() && requireGoal) {
      blockers = Diagnosis.diagnose(p, Optional.of(solves));
      ask = Solves.Ask.of(Objective.VALUE, false, greedyOutcome.bought());
      first = search.find(ask, n > 1 ? 0.5 : 1.0);
      status = SolverReport.Status.INFEASIBLE;
    } else if (first.isEmpty()) {
      String note = search.auditRefused() ? "the audit did not confirm the solver's best-fit plans; the greedy "
          + "planner answered" : "the solver found no plan within its time limit; the greedy planner answered";
      return greedyAnswer(p, before, greedyPlan, greedyOutcome, solves.report(search.auditRefused()
          ? SolverReport.Status.FEASIBLE : SolverReport.Status.TIMEOUT, note));
    } else {
      status = first.get().optimal() ? SolverReport.Status.OPTIMAL : SolverReport.Status.FEASIBLE;
    }
    if (first.isEmpty()) {
      return answer(p, before, List.of(greedyPlan), greedyPlan, Plans.Source.GREEDY,
          solves.report(status, "the solver found no partial plan in time; the greedy planner answered"), blockers,
          greedyOutcome);
    }
    if (requireGoal && !first.get().optimal() && greedyPlan.reachesGoal()
        && primary(request.objective(), greedyOutcome) < primary(request.objective(), first.get().outcome())) {
      return answer(p, before, List.of(greedyPlan), greedyPlan, Plans.Source.GREEDY, solves.report(status,
          "the solver's best plan within its time limit was worse than greedy's"), blockers, greedyOutcome);
    }
    List<Found> found = new ArrayList<>(List.of(first.get()));
    while (found.size() < n) {
      List<IntSet> earlier = found.stream().map(f -> f.outcome().bought()).toList();
      Optional<Found> next = search.find(ask.differingFrom(earlier).hinted(found.getLast().outcome().bought()),
          1.0 / (n - found.size()));
      if (next.isEmpty()) {
        break;
      }
      found.add(next.get());
    }
    if (!requireGoal && !first.get().outcome().reaches()) {
      blockers = Diagnosis.diagnose(p, Optional.of(solves));
    }
    List<Plan> plans = new ArrayList<>();
    for (Found f : found) {
      Plan plan = plan(plans.size() + 1, Plans.Source.SOLVER, f.laid(), f.outcome(), f.optimal(), f.bound(),
          f.gap());
      plans.add(plans.isEmpty() ? plan : withDifference(snapshot, plans.getFirst(), plan));
    }
    return answer(p, before, plans, greedyPlan, Plans.Source.SOLVER, solves.report(status, ""), blockers,
        found.getFirst().outcome());
  }

  /**
   * The problem the solver looks for the best plan in: when greedy reaches the goal, no single credential costing
   * more than greedy's whole plan (for the time objective: taking longer) can be in a better plan, so it is not
   * bought. On the benchmark's catalog this drops the dearest certificates and degrees from most models.
   * Alternatives are looked for in the whole pool: they may cost more than greedy's plan.
   */
  private static Problem bounded(Problem p, Outcome greedy) {
    if (!greedy.reaches() || p.request().objective() == Objective.VALUE) {
      return p;
    }
    boolean cost = p.request().objective() == Objective.COST;
    return p.withPool(p.pool().bounded(c -> cost ? p.snapshot().facts().cost(c) : p.snapshot().facts().hours(c),
        cost ? greedy.cost() : greedy.hours(), p.include()));
  }

  /** A solver plan that passed the checks, with how good it is. */
  record Found(Outcome outcome, StepLayout.Laid laid, boolean optimal, OptionalDouble bound, OptionalDouble gap) {}

  private Plans greedyAnswer(Problem p, Outcome before, Plan greedyPlan, Outcome greedyOutcome,
      SolverReport report) {
    List<Blocker> blockers = greedyPlan.reachesGoal() ? List.of() : Diagnosis.diagnose(p, Optional.empty());
    return answer(p, before, List.of(greedyPlan), greedyPlan, Plans.Source.GREEDY, report, blockers, greedyOutcome);
  }

  private static Plans answer(Problem p, Outcome before, List<Plan> plans, Plan greedyPlan, Plans.Source source,
      SolverReport report, List<Blocker> blockers, Outcome best) {
    Plan first = plans.getFirst();
    boolean includesIn = p.include().stream().allMatch(c -> p.held(c)
        || first.steps().stream().anyMatch(step -> step.credential() == c));
    return new Plans(goal(p, before, best), p.request().objective(), plans, greedyPlan, source, report,
        first.reachesGoal() && includesIn ? List.of() : blockers, p.snapshot().version());
  }

  /** The goal as planned: for a pathway, the destination planned to (the one reached, when the nearest was asked). */
  private static PlanGoal goal(Problem p, Outcome before, Outcome best) {
    String kind = p.targets().kind();
    return switch (p.aim()) {
      case Aim.Skills s -> new PlanGoal(kind, p.targets().id(), p.targets().label(), null, -1,
          p.request().reach(), s.constrained().size(), s.held(), s.required());
      case Aim.PathwayAim a -> {
        Destination d = a.destinations().stream().filter(x -> x.id().equals(best.destination())).findFirst()
            .orElse(a.destinations().size() == 1 ? a.destinations().getFirst() : null);
        yield new PlanGoal(kind, p.targets().id(), p.targets().label(), d == null ? PlanRequest.NEAREST : d.id(),
            d == null ? -1 : d.credential(), 1.0, before.total(), before.met(),
            Math.max(0, before.total() - before.met()));
      }
    };
  }

  private static Plan plan(int rank, Plans.Source source, StepLayout.Laid laid, Outcome outcome, boolean optimal,
      OptionalDouble bound, OptionalDouble gap) {
    return new Plan(rank, source, laid.steps(), laid.totals(), outcome.reaches(),
        outcome.reaches() ? outcome.destination() : null, laid.progress(), optimal, bound, gap, Optional.empty());
  }

  private static Plan withDifference(CatalogSnapshot s, Plan first, Plan plan) {
    return new Plan(plan.rank(), plan.source(), plan.steps(), plan.totals(), plan.reachesGoal(), plan.destination(),
        plan.progress(),
        plan.optimal(), plan.bound(), plan.gap(), Optional.of(Differences.between(s, first, plan)));
  }

  static double primary(Objective objective, Outcome outcome) {
    return objective == Objective.TIME ? outcome.hours() : outcome.cost();
  }

  /** Solves, checks, prunes and lays out plans; remembers why the last search came back empty. */
  private static final class Search {
    private final PlanEvaluator evaluator;
    private final StepLayout layout;
    private final Solves solves;
    private boolean lastInfeasible;
    private boolean auditRefused;

    Search(PlanEvaluator evaluator, StepLayout layout, Solves solves) {
      this.evaluator = evaluator;
      this.layout = layout;
      this.solves = solves;
    }

    boolean lastInfeasible() {
      return lastInfeasible;
    }

    boolean auditRefused() {
      return auditRefused;
    }

    Optional<Found> find(Solves.Ask ask, double share) {
      lastInfeasible = false;
      List<IntSet> refused = new ArrayList<>(ask.refused());
      for (int attempt = 0; attempt <= AUDIT_RETRIES; attempt++) {
        Optional<CpSat.Result> run = solves.run(ask.refusing(refused), attempt == 0 ? share : 1.0);
        if (run.isEmpty() || run.get().bought().isEmpty()) {
          lastInfeasible = run.isEmpty() || run.get().infeasible();
          return Optional.empty();
        }
        CpSat.Result result = run.get();
        IntSet bought = result.bought().get();
        Outcome outcome = prune(evaluator.evaluate(bought), ask);
        Optional<StepLayout.Laid> laid = layout.lay(outcome, null);
        if (evaluator.admissible(outcome) && (!ask.requireGoal() || outcome.reaches()) && laid.isPresent()) {
          // pruning never lowers a value plan's value; a cost or time plan stays optimal if its figure is unchanged
          boolean optimal = result.optimal() && (outcome.bought().equals(bought) || ask.objective() == Objective.VALUE
              || Math.abs(primary(ask.objective(), outcome) - result.primary()) < 0.005);
          return Optional.of(new Found(outcome, laid.get(), optimal, OptionalDouble.of(result.bound()),
              OptionalDouble.of(gap(ask.objective(), result, optimal))));
        }
        auditRefused = true;
        refused.add(bought);
      }
      return Optional.empty();
    }

    private static double gap(Objective objective, CpSat.Result result, boolean optimal) {
      if (optimal) {
        return 0;
      }
      double value = result.primary();
      double bound = result.bound();
      return Math.abs(value) < 1e-9 ? (Math.abs(bound) < 1e-9 ? 0 : 1) : Math.abs(value - bound) / Math.abs(value);
    }

    /**
     * Drops bought credentials the plan does not need (dearest first): the solver may add a free or useless one
     * when it was stopped early or when several plans tie; the pruned plan still respects every constraint and
     * reaches (or is worth) as much.
     */
    private Outcome prune(Outcome outcome, Solves.Ask ask) {
      Problem p = evaluator.problem();
      CatalogSnapshot s = p.snapshot();
      List<Integer> order = outcome.bought().stream().boxed()
          .sorted(Comparator.<Integer>comparingDouble(c -> -s.facts().cost(c))
              .thenComparingDouble(c -> -s.facts().hours(c)).thenComparingInt(c -> c))
          .toList();
      Outcome best = outcome;
      for (int c : order) {
        if (p.include().contains(c)) {
          continue;
        }
        Outcome trial = evaluator.evaluate(best.bought().minus(IntSet.of(c)));
        boolean asGood = (trial.reaches() || !best.reaches()) && (ask.objective() != Objective.VALUE
            || trial.value() >= best.value() - 1e-9 && trial.attainedOffers() >= best.attainedOffers());
        if (evaluator.admissible(trial) && asGood && (!ask.requireGoal() || trial.reaches())) {
          best = trial;
        }
      }
      return best;
    }
  }
}
