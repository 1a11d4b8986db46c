package io.cairn.server.cli;

import io.cairn.Cairn;
import io.cairn.rank.RecommendationList;
import io.cairn.server.api.RequestBodies;
import io.cairn.server.api.Views;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn recommend}: the next credentials toward a goal, as a table or JSON. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = "Suggest the next credentials for a learner toward a goal.")
final class RecommendCommand implements Runnable {
  @Option(names = "--learner", required = true, paramLabel = "FILE",
      description = "A request body as for POST /api/recommendations (e.g. datasets/sample/learners/*.json)")
  Path learnerFile;

  @Option(names = "--goal", paramLabel = "TYPE:ID",
      description = "occupation:ID, pathway:ID or competencies:ID,ID,...; overrides the file's goal")
  String goal;

  @Option(names = "--k", paramLabel = "N", description = "How many suggestions (1..50); overrides the file's k")
  Integer k;

  @Option(names = "--json", description = "Print the same JSON as the API with ?explain=full (labels and evidence)")
  boolean json;

  @Mixin
  PresentOptions presented;

  @Option(names = "--model", paramLabel = "FILE",
      description = "Score with this skill-value model (from 'cairn train'); needed for a request without a goal")
  java.nio.file.Path model;

  @Mixin
  DataOptions data;

  @Override
  public void run() {
    RequestBodies.RecommendationBody body = RequestFiles.read(learnerFile, RequestBodies.RecommendationBody.class);
    body = new RequestBodies.RecommendationBody(presented.learner(body.learner()), goal == null ? body.goal() : parseGoal(goal),
        goal == null ? body.goalField() : null, body.constraints(), k == null ? body.k() : k);
    if (model != null && !java.nio.file.Files.isRegularFile(model)) {
      throw new CliException("no model at " + model.toAbsolutePath() + "; train one with 'cairn train --out FILE'");
    }
    io.cairn.labor.model.SkillValueModel scorer =
        model == null ? null : io.cairn.labor.model.SkillValueModel.load(model);
    try (Cairn cairn = presented.apply(data.openCairnForReading(scorer))) {
      RecommendationList list = cairn.recommend(body.toRequest());
      Views.RecommendationsView<Views.ExplanationView> view = new Views(cairn.snapshot()).recommendations(list);
      if (json) {
        RequestFiles.printJson(view);
        return;
      }
      print(view);
    }
  }

  static RequestBodies.GoalBody parseGoal(String spec) {
    int colon = spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new CliException("--goal must look like occupation:ID, pathway:ID or competencies:ID,ID; got '" + spec + "'");
    }
    String type = spec.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = spec.substring(colon + 1);
    return type.equals("competencies")
        ? new RequestBodies.GoalBody(type, null, List.of(rest.split(",")))
        : new RequestBodies.GoalBody(type, rest, null);
  }

  private static void print(Views.RecommendationsView<Views.ExplanationView> view) {
    PrintWriter out = new PrintWriter(System.out, true);
    PresentedFiles.print(out, view.holdings());
    out.printf("Goal: %s '%s' (%d unmet targets, %d already held)%n", view.goal().type(), view.goal().label(),
        view.goal().unmetTargets(), view.goal().metTargets());
    if (view.items().isEmpty()) {
      out.println("No suggestion: " + view.reason());
      return;
    }
    Table table = new Table("#", "CREDENTIAL", "TYPE", "SCORE", "COST", "HOURS", "ECTS", "WHY");
    for (Views.RecommendationView<Views.ExplanationView> r : view.items()) {
      Views.ExplanationView e = r.explanation();
      StringBuilder why = new StringBuilder();
      if (!e.covers().isEmpty()) {
        why.append("covers ").append(e.covers().stream().limit(3).map(c -> c.competency().label())
            .collect(Collectors.joining(", "))).append(e.covers().size() > 3 ? " +" + (e.covers().size() - 3) : "");
      }
      if (!e.advances().isEmpty()) {
        why.append(why.isEmpty() ? "" : "; ").append("advances ").append(e.advances().getFirst().requirementName());
      }
      if (!e.stacksInto().isEmpty()) {
        why.append(why.isEmpty() ? "" : "; ").append("stacks into ").append(e.stacksInto().getFirst().label());
      }
      if (e.oneStepAway()) {
        why.append("; first take ").append(e.missingPrerequisites().stream().map(Views.Ref::label)
            .collect(Collectors.joining(", ")));
      }
      table.row(r.rank(), r.credential().name() + " [" + r.credential().id() + "]", r.credential().type(),
          String.format(Locale.ROOT, "%.2f", r.score()),
          e.unknown() != null && e.unknown().contains("cost") ? "unknown"
              : String.format(Locale.ROOT, "%.0f %s", e.cost(), e.currency()),
          e.unknown() != null && e.unknown().contains("workload") ? "unknown"
              : String.format(Locale.ROOT, "%.0f", e.hours()), String.format(Locale.ROOT, "%.0f", e.ects()), why);
    }
    table.print(out);
    if (view.reason() != null) {
      out.println("Note: " + view.reason());
    }
  }
}
