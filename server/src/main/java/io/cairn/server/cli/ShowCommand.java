package io.cairn.server.cli;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.server.api.Views;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn show ID}: one competency, occupation, credential or pathway, whatever the id names, as the API's
 * {@code GET /api/.../{id}} shows it.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = {"Show one competency, occupation, credential or pathway by its id.",
        "Any id a message or a request file names works (an ESCO UUID, a slug, or a full IRI);",
        "'cairn search' finds ids by name."})
final class ShowCommand implements Runnable {
  @Parameters(paramLabel = "ID", description = "The id or IRI of a competency, occupation, credential or pathway")
  String id;

  @Option(names = "--json", description = "Print the same JSON as the API's GET of that entity")
  boolean json;

  @Mixin
  DataOptions data;

  @Override
  public void run() {
    try (Cairn cairn = data.openCairnForReading()) {
      CatalogSnapshot s = cairn.snapshot();
      Views views = new Views(s);
      Object detail = s.findCompetency(id).<Object>map(views::competencyDetail)
          .or(() -> s.findOccupation(id).map(views::occupationDetail))
          .or(() -> s.findCredential(id).map(views::credentialDetail))
          .or(() -> s.findPathway(id).map(views::pathwayDetail))
          .orElseThrow(() -> new CliException("no competency, occupation, credential or pathway has the id '" + id
              + "'; find ids by name with 'cairn search competencies|occupations|credentials TEXT'; the pathways are "
              + s.pathways().stream().map(p -> p.id()).collect(Collectors.joining(", "))));
      if (json) {
        RequestFiles.printJson(detail);
        return;
      }
      PrintWriter out = new PrintWriter(System.out, true);
      switch (detail) {
        case Views.CompetencyDetail c -> competency(out, c);
        case Views.OccupationDetail o -> occupation(out, o);
        case Views.CredentialDetail c -> credential(out, c);
        case Views.PathwayDetail p -> pathway(out, p);
        default -> throw new IllegalStateException("no view for " + detail);
      }
      out.flush();
    }
  }

  private static void competency(PrintWriter out, Views.CompetencyDetail c) {
    out.printf("Competency %s [%s]%n", c.label(), c.id());
    field(out, "Type", c.skillType());
    field(out, "Reuse level", c.reuseLevel());
    field(out, "Also called", c.altLabels().isEmpty() ? null : String.join("; ", c.altLabels()));
    field(out, "IRI", c.iri());
    summaries(out, "Broader", c.broader());
    summaries(out, "Narrower", c.narrower());
    refs(out, "Taught by", c.taughtBy());
    refs(out, "Essential for", c.essentialFor());
    refs(out, "Optional for", c.optionalFor());
  }

  private static void occupation(PrintWriter out, Views.OccupationDetail o) {
    out.printf("Occupation %s [%s]%n", o.label(), o.id());
    field(out, "ISCO-08 group", o.iscoGroup());
    field(out, "IRI", o.iri());
    summaries(out, "Essential skills", o.essentialSkills());
    summaries(out, "Optional skills", o.optionalSkills());
  }

  private static void credential(PrintWriter out, Views.CredentialDetail c) {
    out.printf("Credential %s [%s]%n", c.name(), c.id());
    field(out, "Type", c.achievementType() == null ? c.type() : c.type() + " (" + c.achievementType() + ")");
    field(out, "Issuer", c.issuer() == null ? null : c.issuer().label() + " [" + c.issuer().id() + "]");
    field(out, "Cost", String.format(Locale.ROOT, "%.2f %s", c.cost(), c.currency()));
    field(out, "Study time", String.format(Locale.ROOT, "%.0f hours, %s", c.hours(), c.mode()));
    field(out, "Credits", c.creditBearing() ? String.format(Locale.ROOT, "%.1f ECTS", c.ects()) : "not credit-bearing");
    field(out, "EQF level", c.eqfLevel() == null ? null : c.eqfLevel().toString());
    field(out, "About", c.description());
    refs(out, "Teaches", c.teaches());
    refs(out, "Requires credentials", c.prerequisites().credentials());
    refs(out, "Requires skills", c.prerequisites().competencies());
    stack(out, "Stacks into", c.stacksInto());
    stack(out, "Stacked from", c.stackedFrom());
    refs(out, "Unlocks", c.unlocks());
  }

  private static void pathway(PrintWriter out, Views.PathwayDetail p) {
    out.printf("Pathway %s [%s]%n", p.name(), p.id());
    field(out, "About", p.description());
    field(out, "Goal occupation", p.goalOccupation() == null ? null
        : p.goalOccupation().label() + " [" + p.goalOccupation().id() + "]");
    for (Views.DestinationView d : p.destinations()) {
      out.printf("%n  Destination %s [%s]%s%s%n", d.name(), d.id(), d.offRamp() ? " (off-ramp)" : "",
          d.credential() == null ? "" : ", awards " + d.credential().label() + " [" + d.credential().id() + "]");
      if (d.requirement() != null) {
        requirement(out, d.requirement(), 2);
      }
    }
    out.println();
    out.println("'cairn audit --learner FILE --pathway " + p.id() + "' audits a learner against it.");
  }

  private static void requirement(PrintWriter out, Views.RequirementView r, int depth) {
    String rule = switch (r.kind()) {
      case "all-of" -> "all of";
      case "at-least" -> "at least " + r.requiredNumber() + " of";
      case "minimum-credits" -> String.format(Locale.ROOT, "at least %.1f ECTS from", r.minimumCredits());
      default -> r.target() == null ? r.kind() : r.kind() + " " + r.target().label() + " [" + r.target().id() + "]";
    };
    out.printf("%s- %s [%s]: %s%n", "  ".repeat(depth), r.name(), r.id(), rule);
    r.children().forEach(child -> requirement(out, child, depth + 1));
  }

  private static void field(PrintWriter out, String name, String value) {
    if (value != null && !value.isBlank()) {
      out.printf("  %-12s %s%n", name + ":", value);
    }
  }

  private static void refs(PrintWriter out, String name, List<Views.Ref> refs) {
    if (!refs.isEmpty()) {
      out.printf("  %s (%d):%n", name, refs.size());
      refs.forEach(r -> out.printf("    %s [%s]%n", r.label(), r.id()));
    }
  }

  private static void summaries(PrintWriter out, String name, List<Views.CompetencySummary> skills) {
    refs(out, name, skills.stream().map(c -> new Views.Ref(c.id(), c.iri(), c.label())).toList());
  }

  private static void stack(PrintWriter out, String name, List<Views.StackRef> links) {
    if (!links.isEmpty()) {
      out.printf("  %s (%d):%n", name, links.size());
      links.forEach(l -> out.printf(Locale.ROOT, "    %s [%s]: %.1f ECTS carried%s%n", l.credential().label(),
          l.credential().id(), l.transferCredits(), l.direct() ? "" : " (indirectly, through a credential between them)"));
    }
  }
}
