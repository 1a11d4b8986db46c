package io.cairn.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.Cairn;
import io.cairn.server.api.PlanViews;
import io.cairn.server.api.RequestBodies;
import io.cairn.server.api.Views;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn plan}: the whole path to a goal, as a table per plan or as the API's JSON. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Plan the whole path to a goal: ordered steps, optimal on cost, time or value, with alternatives.")
final class PlanCommand implements Runnable {
  @Option(names = "--learner", required = true, paramLabel = "FILE",
      description = "A request body as for POST /api/plans (datasets/sample/plans/*.json), or one for "
          + "POST /api/recommendations (its k is ignored)")
  Path learnerFile;

  @Option(names = "--goal", paramLabel = "TYPE:ID",
      description = "occupation:ID, pathway:ID or competencies:ID,ID,...; overrides the file's goal")
  String goal;

  @Option(names = "--objective", paramLabel = "cost|time|value", description = "What to optimise (default: cost)")
  String objective;

  @Option(names = "--reach", paramLabel = "R",
      description = "Share of the essential skills to cover, in (0, 1] (default 1; 0.8 is job-ready)")
  Double reach;

  @Option(names = "--budget", paramLabel = "AMOUNT", description = "The plan's budget; overrides constraints.maxCost")
  Double budget;

  @Option(names = "--max-hours", paramLabel = "H", description = "The plan's total hours; overrides constraints.maxHours")
  Double maxHours;

  @Option(names = "--alternatives", paramLabel = "N", description = "How many plans, 1..5 (default 3)")
  Integer alternatives;

  @Option(names = "--include", paramLabel = "ID", description = "A credential the plan must contain (repeatable)")
  List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "ID", description = "A credential the plan must not contain (repeatable)")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--hours-per-week", paramLabel = "H", description = "Study hours per week: lays the steps out in weeks")
  Double hoursPerWeek;

  @Option(names = "--destination", paramLabel = "ID|nearest",
      description = "Pathway goals: the destination to plan to, or nearest")
  String destination;

  @Option(names = "--plan-time-limit", paramLabel = "MS", defaultValue = "150",
      description = "The solver's time for this request, in milliseconds (default: ${DEFAULT-VALUE})")
  long planTimeLimit;

  @Option(names = "--json", description = "Print the same JSON as the API")
  boolean json;

  @Mixin
  PresentOptions presented;

  @Mixin
  DataOptions data;

  @Override
  public void run() {
    RequestBodies.PlanBody body = override(read(learnerFile));
    try (Cairn cairn = presented.apply(data.openCairnForReading()).withPlanTimeLimit(limit(planTimeLimit))) {
      Cairn.PlanReport report = cairn.plan(body.toRequest(), body.specs());
      PlanViews.PlansView view = PlanViews.of(report);
      if (json) {
        RequestFiles.printJson(view);
        return;
      }
      PrintWriter out = new PrintWriter(System.out, true);
      PresentedFiles.print(out, view.holdings());
      print(out, view);
    }
  }

  /** The solver time limit of {@code --plan-time-limit}, checked. */
  static java.time.Duration limit(long millis) {
    if (millis < 1 || millis > 60_000) {
      throw new CliException("--plan-time-limit must be from 1 to 60000 milliseconds, got " + millis);
    }
    return java.time.Duration.ofMillis(millis);
  }

  /** A plan body, or a recommendation body whose {@code k} (a count of suggestions) means nothing to a plan. */
  static RequestBodies.PlanBody read(Path file) {
    JsonNode tree = RequestFiles.read(file, JsonNode.class);
    if (tree instanceof ObjectNode object) {
      object.remove("k");
    }
    try {
      return RequestFiles.JSON.treeToValue(tree, RequestBodies.PlanBody.class);
    } catch (JsonProcessingException e) {
      throw new CliException(file + ": " + e.getOriginalMessage());
    }
  }

  private RequestBodies.PlanBody override(RequestBodies.PlanBody b) {
    RequestBodies.ConstraintsBody c = b.constraints() == null
        ? new RequestBodies.ConstraintsBody(null, null, null, null, null) : b.constraints();
    RequestBodies.ConstraintsBody limits = new RequestBodies.ConstraintsBody(budget != null ? budget : c.maxCost(),
        maxHours != null ? maxHours : c.maxHours(), c.modes(), c.creditBearingOnly(), c.maxEqfLevel());
    return new RequestBodies.PlanBody(presented.learner(b.learner()), goal == null ? b.goal() : RecommendCommand.parseGoal(goal),
        limits, objective != null ? objective : b.objective(), reach != null ? reach : b.reach(),
        hoursPerWeek != null ? hoursPerWeek : b.hoursPerWeek(), include.isEmpty() ? b.include() : include,
        exclude.isEmpty() ? b.exclude() : exclude, alternatives != null ? alternatives : b.alternatives(),
        destination != null ? destination : b.destination(), b.exceptions());
  }

  private static void print(PrintWriter out, PlanViews.PlansView view) {
    PlanViews.GoalView g = view.goal();
    String what = g.type().equals("pathway")
        ? "destination " + (g.destination() == null ? "?" : g.destination().id())
        : String.format(Locale.ROOT, "reach %.0f%% of %d %s (%d held, %d more needed)", 100 * g.reach(), g.total(),
            g.type().equals("occupation") ? "essential skills" : "competencies", g.held(), g.required());
    out.printf("Goal: %s '%s', %s%n", g.type(), g.label(), what);
    PlanViews.SolverView solver = view.solver();
    out.printf("Objective: %s; answered by %s (solver %s, %d candidates, %d solves, %.0f ms)%s%n", view.objective(),
        view.answeredBy(), solver.status(), solver.candidates(), solver.solves(), solver.wallMs(),
        solver.note() == null ? "" : "; " + solver.note());
    for (PlanViews.PlanView plan : view.plans()) {
      out.println();
      out.println(headline("Plan " + plan.rank(), plan));
      if (plan.difference() != null) {
        out.println("  differs: " + String.join("; ", plan.difference().summary()));
      }
      steps(out, plan);
    }
    out.println();
    out.println(headline("Greedy baseline, the recommender's best step repeated", view.greedy()));
    if (!view.blockers().isEmpty()) {
      out.println();
      out.println("What blocks the goal:");
      view.blockers().forEach(b -> out.println("  - " + b.detail()));
    }
    out.flush();
  }

  private static String headline(String name, PlanViews.PlanView plan) {
    PlanViews.TotalsView t = plan.totals();
    String quality = plan.optimal() ? " (optimal)" : plan.source().equals("greedy") ? ""
        : String.format(Locale.ROOT, " (not proved optimal: gap %.1f%%)", 100 * plan.gap());
    return String.format(Locale.ROOT, "%s%s: %.0f %s, %.0f h, %.0f ECTS, %d steps%s; %s (%.0f%% -> %.0f%%)", name,
        quality, t.cost(), t.currency(), t.hours(), t.ects(), t.steps(),
        t.weeks() == null ? "" : ", " + t.weeks() + " weeks", plan.reachesGoal()
            ? "reaches the goal" + (plan.destination() == null ? "" : " (" + plan.destination() + ")")
            : "does not reach the goal", 100 * plan.progress().before(), 100 * plan.progress().after());
  }

  private static void steps(PrintWriter out, PlanViews.PlanView plan) {
    if (plan.steps().isEmpty()) {
      return;
    }
    Table table = new Table("#", "CREDENTIAL", "WEEKS", "COST", "HOURS", "WHY", "SO FAR");
    for (PlanViews.StepView s : plan.steps()) {
      List<String> why = new ArrayList<>();
      String neededBy = plan.steps().stream().filter(o -> !o.granted() && o.needs().contains(s.position()))
          .map(o -> "#" + o.position()).collect(Collectors.joining(" "));
      if (s.granted()) {
        why.add("granted: its parts are complete");
      }
      if (!s.covers().isEmpty()) {
        why.add("covers " + s.covers().stream().limit(3).map(c -> c.competency().label())
            .collect(Collectors.joining(", ")) + (s.covers().size() > 3 ? " +" + (s.covers().size() - 3) : ""));
      }
      if (!s.advances().isEmpty()) {
        why.add("counts toward " + s.advances().getFirst().requirementName());
      }
      if (!s.completes().isEmpty()) {
        why.add("completes " + s.completes().stream().map(Views.Ref::label).collect(Collectors.joining(", ")));
      }
      if (!s.needs().isEmpty()) {
        why.add("after " + s.needs().stream().map(n -> "#" + n).collect(Collectors.joining(" ")));
      }
      if (!neededBy.isEmpty()) {
        why.add("needed by " + neededBy);
      }
      String weeks = s.startWeek() == null ? "" : s.startWeek().equals(s.endWeek()) ? "" + s.startWeek()
          : s.startWeek() + "-" + s.endWeek();
      table.row(s.position(), s.credential().name() + " [" + s.credential().id() + "]", weeks,
          String.format(Locale.ROOT, "%.0f", s.cost()), String.format(Locale.ROOT, "%.0f", s.hours()),
          String.join("; ", why), String.format(Locale.ROOT, "%.0f / %.0f h / %.0f%%", s.running().cost(),
              s.running().hours(), 100 * s.running().progress()));
    }
    table.print(out);
  }
}
