package io.cairn.server.cli;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.Occupation;
import io.cairn.search.LabelSearch;
import io.cairn.search.NameMatch;
import io.cairn.search.NoMatch;
import io.cairn.search.SearchHit;
import io.cairn.search.SearchRequest;
import io.cairn.server.api.Views;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn search competencies|occupations|credentials TEXT}: the ids that messages and request files need, found
 * by name from the terminal, with the same search as the API ({@code GET /api/competencies?q=}, ...).
 */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Find competencies, occupations or credentials by name, with their ids.",
        "Competencies and occupations are searched in their preferred, alternative and hidden labels, as",
        "GET /api/competencies?q= and /api/occupations?q= do; credentials by the words of their names.",
        "'cairn show ID' prints one of them whole."})
final class SearchCommand implements Runnable {
  private static final int MAX_LIMIT = 100;

  @Parameters(index = "0", paramLabel = "WHAT", description = "competencies, occupations or credentials")
  String what;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The words to look for")
  List<String> words;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "Show at most N results, 1 to " + MAX_LIMIT + " (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--json", description = "Print the same JSON as the API's search")
  boolean json;

  @Mixin
  DataOptions data;

  /** What the results are; the JSON of {@code --json}. */
  record Results(String searched, String text, int total, List<?> items, String note) {}

  @Override
  public void run() {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new CliException("--limit must be a whole number from 1 to " + MAX_LIMIT + ", got " + limit);
    }
    String text = String.join(" ", words).strip();
    try (Cairn cairn = data.openCairnForReading()) {
      CatalogSnapshot snapshot = cairn.snapshot();
      Views views = new Views(snapshot);
      Results results = switch (kind(what)) {
        case COMPETENCY -> competencies(cairn, snapshot, views, text);
        case OCCUPATION -> occupations(cairn, snapshot, views, text);
        case CREDENTIAL -> credentials(snapshot, views, text);
      };
      if (json) {
        RequestFiles.printJson(results);
        return;
      }
      PrintWriter out = new PrintWriter(System.out, true);
      if (results.items().isEmpty()) {
        out.println(results.note());
        return;
      }
      table(results).print(out);
      if (results.total() > results.items().size()) {
        out.printf(Locale.ROOT, "%d of %d shown; --limit N shows more.%n", results.items().size(), results.total());
      }
      out.println("'cairn show ID' prints one of them whole.");
    }
  }

  private Results competencies(Cairn cairn, CatalogSnapshot snapshot, Views views, String text) {
    List<SearchHit> hits = cairn.labelSearch(snapshot).search(LabelSearch.Kind.COMPETENCY, SearchRequest.of(text), 1000);
    List<Views.CompetencyHit> items = hits.stream().limit(limit).map(h -> {
      Competency c = snapshot.competency(h.index());
      return new Views.CompetencyHit(c.id(), c.iri(), c.label(), h.matchedLabel(), Views.emptyToNull(c.skillType()),
          Views.emptyToNull(c.reuseLevel()), c.demandIndex());
    }).toList();
    return new Results("competencies", text, hits.size(), items,
        hits.isEmpty() ? NoMatch.reason(snapshot, NoMatch.Searched.COMPETENCY, text) : null);
  }

  private Results occupations(Cairn cairn, CatalogSnapshot snapshot, Views views, String text) {
    List<SearchHit> hits = cairn.labelSearch(snapshot).search(LabelSearch.Kind.OCCUPATION, SearchRequest.of(text), 1000);
    List<Views.OccupationHit> items = hits.stream().limit(limit)
        .map(h -> views.occupationHit(snapshot.occupation(h.index()), h.matchedLabel())).toList();
    return new Results("occupations", text, hits.size(), items,
        hits.isEmpty() ? NoMatch.reason(snapshot, NoMatch.Searched.OCCUPATION, text) : null);
  }

  private Results credentials(CatalogSnapshot snapshot, Views views, String text) {
    NameMatch match = NameMatch.of(text);
    List<Credential> found = snapshot.credentials().stream().filter(c -> match.matches(c.name())).toList();
    return new Results("credentials", text, found.size(),
        found.stream().limit(limit).map(views::credentialSummary).toList(),
        found.isEmpty() ? NoMatch.reason(snapshot, NoMatch.Searched.CREDENTIAL, text) : null);
  }

  private static Table table(Results results) {
    Table table;
    switch (results.items().getFirst()) {
      case Views.CompetencyHit ignored -> {
        table = new Table("ID", "SKILL", "TYPE", "MATCHED LABEL");
        for (Object item : results.items()) {
          Views.CompetencyHit h = (Views.CompetencyHit) item;
          table.row(h.id(), h.label(), h.skillType(), h.matchedLabel().equals(h.label()) ? "" : h.matchedLabel());
        }
      }
      case Views.OccupationHit ignored -> {
        table = new Table("ID", "OCCUPATION", "ISCO", "MATCHED LABEL");
        for (Object item : results.items()) {
          Views.OccupationHit h = (Views.OccupationHit) item;
          table.row(h.id(), h.label(), h.iscoGroup(), h.matchedLabel().equals(h.label()) ? "" : h.matchedLabel());
        }
      }
      default -> {
        table = new Table("ID", "CREDENTIAL", "TYPE", "ISSUER", "COST", "HOURS");
        for (Object item : results.items()) {
          Views.CredentialSummary c = (Views.CredentialSummary) item;
          table.row(c.id(), c.name(), c.type(), c.issuer() == null ? "" : c.issuer().label(),
              String.format(Locale.ROOT, "%.0f %s", c.cost(), c.currency()), String.format(Locale.ROOT, "%.0f", c.hours()));
        }
      }
    }
    return table;
  }

  private static NoMatch.Searched kind(String what) {
    return switch (what.toLowerCase(Locale.ROOT)) {
      case "competencies", "competency", "skills", "skill" -> NoMatch.Searched.COMPETENCY;
      case "occupations", "occupation" -> NoMatch.Searched.OCCUPATION;
      case "credentials", "credential" -> NoMatch.Searched.CREDENTIAL;
      default -> throw new CliException("search what? say competencies, occupations or credentials before the"
          + " text (got '" + what + "'), for example: cairn search occupations data analyst");
    };
  }
}
