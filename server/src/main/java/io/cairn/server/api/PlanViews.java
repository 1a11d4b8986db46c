package io.cairn.server.api;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.plan.Blocker;
import io.cairn.plan.Plan;
import io.cairn.plan.PlanGoal;
import io.cairn.plan.PlanStep;
import io.cairn.plan.Plans;
import io.cairn.plan.SolverReport;
import io.cairn.rank.RequirementStep;
import io.cairn.rank.Target;
import java.util.List;
import java.util.Locale;

/**
 * Turns the planner's answer into the JSON of {@code POST /api/plans} (see openapi.json): ids, never indices, and
 * enough for a timeline (steps with their weeks, running totals, the stacks they complete, alternatives with their
 * differences).
 */
public final class PlanViews {
  private final CatalogSnapshot s;
  private final Views views;

  public PlanViews(CatalogSnapshot snapshot) {
    this.s = snapshot;
    this.views = new Views(snapshot);
  }

  public record GoalView(String type, String id, String label, DestinationRef destination, double reach, int total,
      int held, int required) {}

  /** The pathway destination planned to, and the credential it awards (or null). */
  public record DestinationRef(String id, Views.Ref credential) {}

  public record SolverView(String status, int candidates, int solves, double wallMs, double timeLimitMs,
      String note) {}

  public record TotalsView(double cost, String currency, double hours, double ects, Integer weeks, int steps,
      int bought, int granted) {}

  public record ProgressView(double before, double after, int met, int total, double value,
      int attainableOccupations, long attainableJobOffers) {}

  public record RunningView(double cost, double hours, double ects, double progress, boolean goalReached) {}

  public record StepView(int position, Views.CredentialSummary credential, boolean granted, double cost,
      double hours, double ects, Integer startWeek, Integer endWeek, List<Views.CoveredTarget> covers,
      List<Views.Advance> advances, List<Views.Ref> stacksInto, List<Views.Ref> completes, List<Integer> needs,
      RunningView running) {}

  public record DifferenceView(double cost, double hours, double ects, List<Views.Ref> removed,
      List<Views.Ref> added, List<String> summary) {}

  public record PlanView(int rank, String source, boolean reachesGoal, String destination, boolean optimal, Double bound, Double gap,
      TotalsView totals, ProgressView progress, List<StepView> steps, DifferenceView difference) {}

  public record BlockerView(String kind, String detail, List<Views.Ref> competencies, List<Views.Ref> credentials,
      double amount) {}

  public record PlansView(GoalView goal, String objective, String answeredBy, SolverView solver, List<PlanView> plans,
      PlanView greedy, List<BlockerView> blockers, String reason, long catalogVersion,
      HoldingsViews.HoldingsView holdings) {}

  /** The plans of {@code report}, with where the learner's holdings came from. */
  public static PlansView of(io.cairn.Cairn.PlanReport report) {
    PlanViews views = new PlanViews(report.snapshot());
    return views.plans(report.plans(), HoldingsViews.of(views.views, report.holdings()));
  }

  PlansView plans(Plans plans, HoldingsViews.HoldingsView holdings) {
    PlanGoal g = plans.goal();
    DestinationRef destination = g.destination() == null ? null
        : new DestinationRef(g.destination(), g.destinationCredential() < 0 ? null
            : views.credentialRef(g.destinationCredential()));
    SolverReport r = plans.solver();
    return new PlansView(new GoalView(g.kind(), Views.emptyToNull(g.id()), g.label(), destination, g.reach(),
        g.total(), g.held(), g.required()), plans.objective().apiName(), name(plans.answeredBy()),
        new SolverView(name(r.status()), r.candidates(), r.solves(), Views.round(r.wallMs()), r.timeLimitMs(),
            Views.emptyToNull(r.note())),
        plans.plans().stream().map(this::plan).toList(), plan(plans.greedy()),
        plans.blockers().stream().map(this::blocker).toList(), plans.reason().orElse(null), plans.catalogVersion(),
        holdings);
  }

  private PlanView plan(Plan p) {
    Plan.Totals t = p.totals();
    Plan.Progress g = p.progress();
    DifferenceView difference = p.difference().map(d -> new DifferenceView(Views.round(d.cost()),
        Views.round(d.hours()), Views.round(d.ects()), d.removed().stream().map(views::credentialRef).toList(),
        d.added().stream().map(views::credentialRef).toList(), d.notes())).orElse(null);
    return new PlanView(p.rank(), name(p.source()), p.reachesGoal(), p.destination(), p.optimal(),
        p.bound().isPresent() ? Views.round(p.bound().getAsDouble()) : null,
        p.gap().isPresent() ? Views.round(p.gap().getAsDouble()) : null,
        new TotalsView(t.cost(), t.currency(), t.hours(), t.ects(), t.weeks() == 0 ? null : t.weeks(), p.steps().size(),
            t.bought(), t.granted()),
        new ProgressView(Views.round(g.before()), Views.round(g.after()), g.met(), g.total(), Views.round(g.value()),
            g.attainableOccupations(), g.attainableJobOffers()),
        p.steps().stream().map(this::step).toList(), difference);
  }

  private StepView step(PlanStep step) {
    List<Views.CoveredTarget> covers = step.covers().stream().map((Target t) -> new Views.CoveredTarget(
        views.competencyRef(t.competency()), Views.round(t.weight()), t.reason())).toList();
    List<Views.Advance> advances = step.advances().stream().map((RequirementStep a) -> new Views.Advance(
        a.requirementId(), a.requirementName(), a.leafId(), a.leafName(), a.credits(), a.direct())).toList();
    PlanStep.Running r = step.running();
    return new StepView(step.position(), views.credentialSummary(s.credential(step.credential())), step.granted(),
        step.cost(), step.hours(), step.ects(), step.startWeek() == 0 ? null : step.startWeek(),
        step.endWeek() == 0 ? null : step.endWeek(), covers, advances,
        step.stacksInto().stream().map(views::credentialRef).toList(),
        step.completes().stream().map(views::credentialRef).toList(), step.needs(),
        new RunningView(Views.round(r.cost()), Views.round(r.hours()), Views.round(r.ects()),
            Views.round(r.progress()), r.reached()));
  }

  private BlockerView blocker(Blocker b) {
    return new BlockerView(name(b.kind()), b.detail(), views.competencies(b.competencies()),
        views.credentials(b.credentials()), Views.round(b.amount()));
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
