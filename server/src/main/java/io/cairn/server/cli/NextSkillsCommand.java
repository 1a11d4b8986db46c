package io.cairn.server.cli;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.graph.LiveCatalog;
import io.cairn.labor.model.NextSkill;
import io.cairn.labor.model.NextSkillRanker;
import io.cairn.labor.model.NextSkillsQuery;
import io.cairn.labor.model.SkillValueModel;
import io.cairn.learner.UnknownReferenceException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn next-skills}: the skill-value model's "what should I learn next" from the terminal. */
@Command(name = "next-skills", mixinStandardHelpOptions = true,
    description = "Rank the skills a learner should learn next with the trained skill-value model.")
final class NextSkillsCommand implements Runnable {
  @Option(names = "--model", paramLabel = "FILE", defaultValue = "skill-value.model",
      description = "The model from 'cairn train' (default: ${DEFAULT-VALUE})")
  Path model;

  @Option(names = "--skills", paramLabel = "ID", split = ",", description = "Held skills (ids or IRIs)")
  List<String> skills = new ArrayList<>();

  @Option(names = "--credentials", paramLabel = "ID", split = ",",
      description = "Held credentials: the skills they teach count as held")
  List<String> credentials = new ArrayList<>();

  @Option(names = "--goal-field", paramLabel = "ISCO", description = "ISCO-08 minor group aimed at (3 digits)")
  String goalField = "";

  @Option(names = "--goal", paramLabel = "OCCUPATION", description = "Occupation aimed at (id or IRI)")
  String goal;

  @Option(names = "--k", paramLabel = "N", defaultValue = "10", description = "How many skills (default: ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--json", description = "Print JSON")
  boolean json;

  @Mixin
  DataOptions data;

  @Override
  public void run() {
    if (!Files.isRegularFile(model)) {
      throw new CliException("no model at " + model.toAbsolutePath() + "; train one with 'cairn train --out FILE'");
    }
    if (k < 1 || k > 100) {
      throw new CliException("--k must be from 1 to 100, got " + k);
    }
    SkillValueModel loaded = SkillValueModel.load(model);
    try (LiveCatalog catalog = data.openCatalogForReading()) {
      CatalogSnapshot snapshot = catalog.snapshot();
      NextSkillRanker ranker = loaded.bind(snapshot);
      IntSet held = IntSet.of(skills.stream().map(id -> snapshot.findCompetency(id).orElseThrow(() ->
          new UnknownReferenceException("competency", List.of(id), "find ids with GET /api/competencies?q=")).index())
          .toList());
      IntSet heldCredentials = IntSet.of(credentials.stream().map(id -> snapshot.findCredential(id).orElseThrow(() ->
          new UnknownReferenceException("credential", List.of(id), "find ids with GET /api/credentials")).index())
          .toList());
      held = held.union(snapshot.competenciesTaughtBy(heldCredentials));
      int occupation = goal == null ? -1 : snapshot.findOccupation(goal).orElseThrow(() ->
          new UnknownReferenceException("occupation", List.of(goal), "find ids with GET /api/occupations?q=")).index();
      List<NextSkill> next = ranker.rankNextSkills(new NextSkillsQuery(held, goalField, occupation, k));
      if (json) {
        RequestFiles.printJson(next);
        return;
      }
      PrintWriter out = new PrintWriter(System.out, true);
      Table table = new Table("#", "SKILL", "VALUE", "GOAL", "JOB OFFERS", "GOES WITH");
      int rank = 1;
      for (NextSkill s : next) {
        table.row(rank++, s.label() + " [" + s.id() + "]", String.format(Locale.ROOT, "%.3f", s.value()),
            s.goalRelation(), String.format(Locale.ROOT, "%,d", s.jobOffers()),
            s.goesWith().stream().map(i -> snapshot.competency(i).label()).collect(Collectors.joining(", ")));
      }
      table.print(out);
    }
  }
}
