package io.cairn.server.api;

import io.cairn.Cairn;
import io.cairn.audit.AuditResult;
import io.cairn.audit.DestinationResult;
import io.cairn.audit.Fit;
import io.cairn.audit.NodeResult;
import io.cairn.audit.Reassignment;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Pathway;
import io.cairn.plan.Plan;
import io.cairn.plan.PlanStep;
import io.cairn.plan.Plans;
import io.cairn.plan.WhatIsLeft;
import io.cairn.server.api.Views.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The JSON shapes of an audit ({@code POST /api/audits}, {@code cairn audit --json}); see openapi.json. */
public final class AuditViews {
  private final CatalogSnapshot s;
  private final Views views;

  private final WhatIsLeft left;

  private AuditViews(CatalogSnapshot snapshot, WhatIsLeft left) {
    this.s = snapshot;
    this.views = new Views(snapshot);
    this.left = left;
  }

  public record NodeView(String id, String iri, String name, String kind, String status, int satisfied, int required,
      double credits, double requiredCredits, List<Ref> countedCredentials, List<Ref> countedCompetencies,
      String exception, Ref target, LeftView left, List<NodeView> children) {}

  /**
   * What is left to finish a pathway or a requirement node: the planner's cheapest plan from the holdings.
   *
   * @param credentials what to earn, in plan order (prerequisites first)
   * @param granted credentials granted on the way when their parts are complete (stacking), at no further cost
   * @param reachable false when the catalog cannot finish it under no limits; {@code note} then says why
   */
  public record LeftView(List<Ref> credentials, List<Ref> granted, double cost, String currency, double hours,
      double ects, boolean reachable, String note) {}

  /** A requirement whose status the best fit changed compared with the greedy assignment. */
  public record ReassignmentView(String requirementId, String requirementName, String greedy, String bestFit,
      List<Ref> credentials, String text) {}

  /** How the holdings were assigned to a destination's requirements. */
  public record FitView(String method, boolean optimal, String note, List<ReassignmentView> reassignments) {}

  public record DestinationAuditView(String id, String iri, String name, Ref credential, boolean offRamp,
      boolean alreadyHeld, String status, FitView fit, NodeView requirements) {}

  /**
   * @param statusDestination the destination {@code status} refers to (an off-ramp when only the exit award is
   *     met), or null without destinations
   * @param statusNote one sentence naming that destination and the others' statuses
   */
  public record PathwayAuditView(Ref pathway, String status, Ref statusDestination, String statusNote,
      LeftView left, List<DestinationAuditView> destinations) {}

  public record AuditsView(PathwayAuditView audit, List<PathwayAuditView> whatIf, long catalogVersion,
      HoldingsViews.HoldingsView holdings) {}

  /** The audit and its what-ifs, as the API answers them. */
  public static AuditsView of(Cairn.AuditReport report) {
    List<PathwayAuditView> whatIf = new ArrayList<>();
    for (int i = 0; i < report.whatIf().size(); i++) {
      whatIf.add(new AuditViews(report.snapshot(), left(report, i + 1)).audit(report.whatIf().get(i)));
    }
    AuditViews views = new AuditViews(report.snapshot(), left(report, 0));
    return new AuditsView(views.audit(report.audit()), whatIf, report.snapshot().version(),
        HoldingsViews.of(views.views, report.learner().holdings()));
  }

  private static WhatIsLeft left(Cairn.AuditReport report, int i) {
    return i < report.left().size() ? report.left().get(i) : null;
  }

  private PathwayAuditView audit(AuditResult result) {
    Pathway p = s.pathway(result.pathway());
    DestinationResult chosen = result.statusDestination().orElse(null);
    return new PathwayAuditView(new Ref(p.id(), p.iri(), p.name()), Views.status(result.status()),
        chosen == null ? null : new Ref(chosen.id(), chosen.iri(), chosen.name()), statusNote(result, chosen),
        left == null ? null : leftView(left.pathway()),
        result.destinations().stream().map(this::destination).toList());
  }

  private LeftView leftView(Plans plans) {
    Plan best = plans.best();
    List<Ref> bought = new ArrayList<>();
    List<Ref> granted = new ArrayList<>();
    for (PlanStep step : best.steps()) {
      (step.granted() ? granted : bought).add(views.credentialRef(step.credential()));
    }
    Plan.Totals t = best.totals();
    return new LeftView(bought, granted, Views.round(t.cost()), t.currency(), Views.round(t.hours()),
        Views.round(t.ects()), best.reachesGoal(), plans.reason().orElse(null));
  }

  /** "Satisfied for Certificate in Data Analytics (an exit award); BSc Data Science: partial." */
  private static String statusNote(AuditResult result, DestinationResult chosen) {
    if (chosen == null) {
      return "The pathway has no destinations.";
    }
    String head = Views.status(result.status());
    StringBuilder note = new StringBuilder(head.substring(0, 1).toUpperCase(Locale.ROOT)).append(head.substring(1))
        .append(" for ").append(chosen.name()).append(chosen.offRamp() ? " (an exit award)" : "");
    List<String> others = new ArrayList<>();
    for (DestinationResult d : result.destinations()) {
      if (d != chosen) {
        others.add(d.name() + (d.offRamp() ? " (an exit award)" : "") + ": " + Views.status(d.status()));
      }
    }
    if (!others.isEmpty()) {
      note.append("; ").append(String.join("; ", others));
    }
    return note.append('.').toString();
  }

  private DestinationAuditView destination(DestinationResult d) {
    return new DestinationAuditView(d.id(), d.iri(), d.name(),
        d.credential() < 0 ? null : views.credentialRef(d.credential()), d.offRamp(), d.alreadyHeld(),
        Views.status(d.status()), fit(d.fit()), d.tree() == null ? null : node(d.tree()));
  }

  private FitView fit(Fit fit) {
    return new FitView(fit.method() == Fit.Method.BEST_FIT ? "best-fit" : "greedy", fit.optimal(), fit.note(),
        fit.reassignments().stream().map(this::reassignment).toList());
  }

  private ReassignmentView reassignment(Reassignment r) {
    return new ReassignmentView(r.requirementId(), r.requirementName(), Views.status(r.greedy()),
        Views.status(r.bestFit()), views.credentials(r.credentials()), r.text());
  }

  private NodeView node(NodeResult n) {
    Ref target = null;
    if (n.target() >= 0) {
      target = n.kind().equals(NodeResult.COMPETENCY) ? views.competencyRef(n.target()) : views.credentialRef(n.target());
    }
    return new NodeView(n.id(), n.iri(), n.name(), n.kind(), Views.status(n.status()), n.satisfiedCount(),
        n.requiredCount(), Views.round(n.credits()), Views.round(n.requiredCredits()),
        views.credentials(n.countedCredentials()), views.competencies(n.countedCompetencies()), n.exception(), target,
        left == null || !left.nodes().containsKey(n.id()) ? null : leftView(left.nodes().get(n.id())),
        n.children().stream().map(this::node).toList());
  }
}
