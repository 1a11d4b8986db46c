package io.cairn.server.cli;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.gaps.Analytics;
import io.cairn.gaps.AnalysisScope;
import io.cairn.gaps.demand.GapScope;
import io.cairn.gaps.inflation.CredentialInflation;
import io.cairn.gaps.inflation.InflationReport;
import io.cairn.gaps.inflation.InflationSignal;
import io.cairn.labor.demand.JobOfferTable;
import io.cairn.server.api.AnalyticsCsv;
import io.cairn.server.api.AnalyticsViews;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn analyze overlap|inflation|gaps}: the curriculum designer's analytics from the terminal, the same as
 * {@code GET /api/analytics/...}, as a table, JSON or CSV.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"Curriculum analytics: overlap, badge inflation and demand gaps.",
        "overlap: near-duplicate credentials; inflation: badge-inflation signals and the value index; gaps: skills",
        "employers need that no credential teaches, or only expensive ones. The same as GET /api/analytics/..."})
final class AnalyzeCommand implements Runnable {
  @Parameters(index = "0", paramLabel = "WHAT", description = "overlap, inflation or gaps")
  String what;

  @Option(names = "--issuer", paramLabel = "ID", description = "Only this issuer's credentials (overlap, inflation)")
  String issuer;

  @Option(names = "--pathway", paramLabel = "ID",
      description = "Only this pathway's credentials (overlap, inflation) or needs (gaps)")
  String pathway;

  @Option(names = "--occupation", paramLabel = "ID", description = "Gaps of this occupation")
  String occupation;

  @Option(names = "--isco", paramLabel = "CODE", description = "Gaps of the occupations of this ISCO-08 group")
  String isco;

  @Option(names = "--min-similarity", paramLabel = "J", defaultValue = "0.5",
      description = "The Jaccard a pair must reach, above 0 and at most 1 (overlap; default: ${DEFAULT-VALUE})")
  double minSimilarity;

  @Option(names = "--signal", paramLabel = "KIND",
      description = "Only credentials showing this signal (inflation): covered-by-cheaper, no-demand,"
          + " stacks-into-nothing, issuer-near-duplicates")
  String signal;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "Show at most N items (default: ${DEFAULT-VALUE}; --csv prints every item unless given)")
  int limit;

  @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N items")
  int offset;

  @Option(names = "--json", description = "Print the same JSON as the API")
  boolean json;

  @Option(names = "--csv", description = "Print CSV (RFC 4180), as the API answers Accept: text/csv")
  boolean csv;

  @Option(names = "--job-offers", paramLabel = "FILE",
      description = "Job offers per ESCO occupation (default: $CAIRN_SHARED or ../shared, then"
          + " datasets/labor-market/job_offers_by_esco_occupation.csv, when it exists)")
  Path jobOffers;

  @Mixin
  DataOptions data;

  @Override
  public void run() {
    if (limit < 1 || offset < 0) {
      throw new CliException("--limit must be at least 1 and --offset at least 0");
    }
    if (json && csv) {
      throw new CliException("give --json or --csv, not both");
    }
    boolean limitGiven = limit != 20;
    int shown = csv && !limitGiven ? Integer.MAX_VALUE : limit;
    JobOfferTable offers = LaborInputs.readJobOffers(jobOffers);
    try (Cairn opened = data.openCairnForReading()) {
      Cairn cairn = offers == null ? opened : opened.withJobOffers(offers);
      CatalogSnapshot snapshot = cairn.snapshot();
      Analytics analytics = cairn.analytics(snapshot);
      AnalyticsViews views = new AnalyticsViews(snapshot);
      PrintWriter out = new PrintWriter(System.out, true);
      switch (what.toLowerCase(Locale.ROOT)) {
        case "overlap" -> overlap(out, views, analytics, scope(snapshot), shown);
        case "inflation" -> inflation(out, views, analytics, scope(snapshot), shown);
        case "gaps" -> gaps(out, views, analytics, gapScope(snapshot), shown);
        default -> throw new CliException("WHAT must be overlap, inflation or gaps, got '" + what + "'");
      }
    }
  }

  private void overlap(PrintWriter out, AnalyticsViews views, Analytics analytics, AnalysisScope scope, int shown) {
    if (!(minSimilarity > 0 && minSimilarity <= 1)) {
      throw new CliException("--min-similarity must be above 0 and at most 1, got " + minSimilarity);
    }
    AnalyticsViews.OverlapView view = views.overlap(scope, analytics.overlap(scope, minSimilarity), shown, offset);
    if (print(view, () -> AnalyticsCsv.overlap(view.items()))) {
      return;
    }
    out.printf(Locale.ROOT, "Overlap in %s (%d credentials): %d pairs with Jaccard >= %.2f, %d clusters%n",
        scope.label(), scope.credentials().size(), view.total(), minSimilarity, view.clusterCount());
    Table table = new Table("JACCARD", "CONTAINS", "A", "B", "SAME ISSUER", "SHARED");
    view.items().forEach(p -> table.row(String.format(Locale.ROOT, "%.2f", p.jaccard()),
        String.format(Locale.ROOT, "%.2f", p.containment()), p.a().label() + " [" + p.a().id() + "]",
        p.b().label() + " [" + p.b().id() + "]", p.sameIssuer() ? "yes" : "no", p.shared().size()));
    table.print(out);
    view.clusters().stream().limit(10).forEach(c -> out.printf(Locale.ROOT, "Cluster of %d: %s; cheapest %s,"
        + " shortest %s%n", c.members().size(), c.members().stream().map(AnalyticsViews.CredentialRef::id)
        .collect(Collectors.joining(", ")), c.cheapest(), c.shortest()));
  }

  private void inflation(PrintWriter out, AnalyticsViews views, Analytics analytics, AnalysisScope scope,
      int shown) {
    InflationSignal.Kind kind = signal == null ? null : InflationSignal.Kind.byApiName(signal).orElseThrow(() ->
        new CliException("--signal must be covered-by-cheaper, no-demand, stacks-into-nothing or"
            + " issuer-near-duplicates, got '" + signal + "'"));
    InflationReport report = analytics.inflation(scope);
    List<CredentialInflation> items = kind == null ? report.credentials()
        : report.credentials().stream().filter(c -> c.shows(kind)).toList();
    AnalyticsViews.InflationView view = views.inflation(report, items, analytics.demand().known(), shown, offset);
    if (print(view, () -> AnalyticsCsv.inflation(view.items()))) {
      return;
    }
    var perHour = view.distribution().perHour();
    out.printf(Locale.ROOT, "Inflation in %s: %d credentials listed; value per hour p10 %.3f, p50 %.3f, p90 %.3f%n",
        scope.label(), view.total(), perHour.p10(), perHour.p50(), perHour.p90());
    Table table = new Table("CREDENTIAL", "PER HOUR", "PCTL", "SIGNALS");
    view.items().forEach(i -> table.row(i.credential().label() + " [" + i.credential().id() + "]",
        i.valueIndex().perHour() == null ? "unknown" : String.format(Locale.ROOT, "%.3f", i.valueIndex().perHour()),
        i.valueIndex().percentile() == null ? "" : String.format(Locale.ROOT, "%.0f", i.valueIndex().percentile()),
        i.signals().stream().map(AnalyticsViews.SignalView::kind).collect(Collectors.joining(", "))));
    table.print(out);
    view.items().stream().flatMap(i -> i.signals().stream()).limit(10).forEach(s -> out.println("- " + s.text()));
  }

  private void gaps(PrintWriter out, AnalyticsViews views, Analytics analytics, GapScope scope, int shown) {
    AnalyticsViews.GapsView view = views.gaps(analytics.gaps(scope), shown, offset);
    if (print(view, () -> AnalyticsCsv.gaps(view.items()))) {
      return;
    }
    out.printf(Locale.ROOT, "Demand gaps of %s: %d of %d needed skills untaught or only taught above %.0f%n",
        scope.label(), view.total(), view.skillsConsidered(), view.expensiveAbove());
    Table table = new Table("SKILL", "JOB OFFERS", "OCCUPATIONS", "REASON", "CHEAPEST");
    view.items().forEach(g -> table.row(g.competency().label(), g.jobOffers(), g.occupations(), g.reason(),
        g.cheapestCost() == null ? "" : String.format(Locale.ROOT, "%.0f", g.cheapestCost())));
    table.print(out);
  }

  /** Prints JSON or CSV when asked; false when the table is wanted. */
  private boolean print(Object view, java.util.function.Supplier<String> csvText) {
    if (json) {
      RequestFiles.printJson(view);
      return true;
    }
    if (csv) {
      System.out.print(csvText.get());
      System.out.flush();
      return true;
    }
    return false;
  }

  private AnalysisScope scope(CatalogSnapshot snapshot) {
    if (occupation != null || isco != null) {
      throw new CliException("--occupation and --isco are for gaps; overlap and inflation take --issuer or --pathway");
    }
    if (issuer != null && pathway != null) {
      throw new CliException("give at most one of --issuer and --pathway; neither means the whole catalog");
    }
    if (issuer != null) {
      return AnalysisScope.issuer(snapshot, snapshot.findIssuer(issuer).orElseThrow(() ->
          new CliException("no issuer '" + issuer + "'; 'cairn show' a credential to see its issuer's id")));
    }
    return pathway == null ? AnalysisScope.catalog(snapshot) : AnalysisScope.pathway(snapshot, pathway(snapshot));
  }

  private GapScope gapScope(CatalogSnapshot snapshot) {
    if (issuer != null) {
      throw new CliException("--issuer is for overlap and inflation; gaps take --occupation, --isco or --pathway");
    }
    if ((occupation != null ? 1 : 0) + (isco != null ? 1 : 0) + (pathway != null ? 1 : 0) > 1) {
      throw new CliException("give at most one of --occupation, --isco and --pathway; none means every occupation");
    }
    if (occupation != null) {
      return GapScope.occupation(snapshot.findOccupation(occupation).orElseThrow(() -> new CliException(
          "no occupation '" + occupation + "'; find one with 'cairn search occupations WORDS'")));
    }
    if (isco != null) {
      GapScope scope = GapScope.isco(snapshot, isco);
      if (!isco.matches("[0-9]{1,4}") || scope.occupations().isEmpty()) {
        throw new CliException("--isco must be an ISCO-08 group code of 1 to 4 digits that some occupation is in,"
            + " got '" + isco + "'");
      }
      return scope;
    }
    return pathway == null ? GapScope.catalog(snapshot) : GapScope.pathway(snapshot, pathway(snapshot));
  }

  private io.cairn.catalog.Pathway pathway(CatalogSnapshot snapshot) {
    return snapshot.findPathway(pathway).orElseThrow(() -> new CliException("no pathway '" + pathway
        + "'; 'cairn search' or GET /api/pathways lists them"));
  }
}
