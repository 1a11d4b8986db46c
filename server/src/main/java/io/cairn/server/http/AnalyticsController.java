package io.cairn.server.http;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.gaps.Analytics;
import io.cairn.gaps.AnalysisScope;
import io.cairn.gaps.demand.GapScope;
import io.cairn.gaps.inflation.CredentialInflation;
import io.cairn.gaps.inflation.InflationReport;
import io.cairn.gaps.inflation.InflationSignal;
import io.cairn.server.api.AnalyticsCsv;
import io.cairn.server.api.AnalyticsViews;
import io.cairn.server.api.ApiException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code GET /api/analytics/overlap}, {@code /inflation} and {@code /gaps}: the curriculum designer's analytics, as
 * JSON or, with {@code Accept: text/csv}, as CSV (every item unless {@code limit} is given).
 */
final class AnalyticsController {
  static final String CSV = "text/csv";
  private static final int DEFAULT_LIMIT = 20;

  private final Cairn cairn;

  AnalyticsController(Cairn cairn) {
    this.cairn = cairn;
  }

  void overlap(Context ctx) {
    QueryParams.onlyKnown(ctx, Set.of("issuer", "pathway", "minSimilarity", "limit", "offset"));
    double minSimilarity = QueryParams.text(ctx, "minSimilarity").map(AnalyticsController::similarity).orElse(0.5);
    CatalogSnapshot snapshot = cairn.snapshot();
    AnalysisScope scope = scope(ctx, snapshot);
    Analytics analytics = cairn.analytics(snapshot);
    Page page = Page.of(ctx);
    AnalyticsViews.OverlapView view = new AnalyticsViews(snapshot).overlap(scope,
        analytics.overlap(scope, minSimilarity), page.limit(), page.offset());
    answer(ctx, view, () -> AnalyticsCsv.overlap(view.items()));
  }

  void inflation(Context ctx) {
    QueryParams.onlyKnown(ctx, Set.of("issuer", "pathway", "signal", "limit", "offset"));
    Optional<InflationSignal.Kind> signal = QueryParams.text(ctx, "signal").map(v -> InflationSignal.Kind
        .byApiName(v).orElseThrow(() -> ApiException.badRequest("query parameter 'signal' must be one of "
            + String.join(", ", Arrays.stream(InflationSignal.Kind.values()).map(InflationSignal.Kind::apiName)
            .toList()) + ", got '" + v + "'")));
    CatalogSnapshot snapshot = cairn.snapshot();
    AnalysisScope scope = scope(ctx, snapshot);
    Analytics analytics = cairn.analytics(snapshot);
    InflationReport report = analytics.inflation(scope);
    List<CredentialInflation> items = signal.map(k -> report.credentials().stream().filter(c -> c.shows(k)).toList())
        .orElse(report.credentials());
    Page page = Page.of(ctx);
    AnalyticsViews.InflationView view = new AnalyticsViews(snapshot).inflation(report, items,
        analytics.demand().known(), page.limit(), page.offset());
    answer(ctx, view, () -> AnalyticsCsv.inflation(view.items()));
  }

  void gaps(Context ctx) {
    QueryParams.onlyKnown(ctx, Set.of("occupation", "isco", "pathway", "limit", "offset"));
    Optional<String> occupation = QueryParams.text(ctx, "occupation");
    Optional<String> isco = QueryParams.text(ctx, "isco");
    Optional<String> pathway = QueryParams.text(ctx, "pathway");
    if (Stream.of(occupation, isco, pathway).filter(Optional::isPresent).count() > 1) {
      throw ApiException.badRequest("give at most one of 'occupation' (an occupation id), 'isco' (an ISCO-08 group"
          + " code, 1 to 4 digits) and 'pathway' (a pathway id); none means every occupation");
    }
    CatalogSnapshot snapshot = cairn.snapshot();
    GapScope scope;
    if (occupation.isPresent()) {
      scope = GapScope.occupation(snapshot.findOccupation(occupation.get()).orElseThrow(() ->
          ApiException.notFound("Occupation", occupation.get(), "find occupations with GET /api/occupations?q=...")));
    } else if (isco.isPresent()) {
      if (!isco.get().matches("[0-9]{1,4}")) {
        throw ApiException.badRequest("query parameter 'isco' must be an ISCO-08 group code of 1 to 4 digits (such as"
            + " 25 or 2511), got '" + isco.get() + "'");
      }
      scope = GapScope.isco(snapshot, isco.get());
      if (scope.occupations().isEmpty()) {
        throw new ApiException(404, "ISCO group not found", "no occupation of the catalog is in ISCO-08 group '"
            + isco.get() + "'; see the iscoGroup of GET /api/occupations");
      }
    } else if (pathway.isPresent()) {
      scope = GapScope.pathway(snapshot, findPathway(snapshot, pathway.get()));
    } else {
      scope = GapScope.catalog(snapshot);
    }
    Page page = Page.of(ctx);
    AnalyticsViews.GapsView view = new AnalyticsViews(snapshot).gaps(cairn.analytics(snapshot).gaps(scope),
        page.limit(), page.offset());
    answer(ctx, view, () -> AnalyticsCsv.gaps(view.items()));
  }

  /** The whole catalog, or the one issuer or pathway asked for. */
  private static AnalysisScope scope(Context ctx, CatalogSnapshot snapshot) {
    Optional<String> issuer = QueryParams.text(ctx, "issuer");
    Optional<String> pathway = QueryParams.text(ctx, "pathway");
    if (issuer.isPresent() && pathway.isPresent()) {
      throw ApiException.badRequest("give at most one of 'issuer' (an issuer id, as in a credential's issuer.id) and"
          + " 'pathway' (a pathway id, see GET /api/pathways); neither means the whole catalog");
    }
    if (issuer.isPresent()) {
      return AnalysisScope.issuer(snapshot, snapshot.findIssuer(issuer.get()).orElseThrow(() -> ApiException.notFound(
          "Issuer", issuer.get(), "issuers are named by each credential's issuer.id in GET /api/credentials")));
    }
    return pathway.map(p -> AnalysisScope.pathway(snapshot, findPathway(snapshot, p)))
        .orElseGet(() -> AnalysisScope.catalog(snapshot));
  }

  private static io.cairn.catalog.Pathway findPathway(CatalogSnapshot snapshot, String id) {
    return snapshot.findPathway(id).orElseThrow(() -> ApiException.notFound("Pathway", id,
        "list pathways with GET /api/pathways"));
  }

  private static double similarity(String v) {
    try {
      double d = Double.parseDouble(v);
      if (d > 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw ApiException.badRequest("query parameter 'minSimilarity' must be a number above 0 and at most 1 (the"
        + " Jaccard a pair must reach), got '" + v + "'");
  }

  /** JSON, or CSV when the client asks for it. */
  private static void answer(Context ctx, Object json, java.util.function.Supplier<String> csv) {
    if (wantsCsv(ctx)) {
      ctx.contentType(CSV + "; charset=utf-8");
      ctx.result(csv.get());
    } else {
      ctx.jsonStream(json);
    }
  }

  static boolean wantsCsv(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(CSV);
  }

  /** Paging as elsewhere, except that a CSV answer without {@code limit} holds every item. */
  private record Page(int limit, int offset) {
    static Page of(Context ctx) {
      int offset = QueryParams.intIn(ctx, "offset", 0, Integer.MAX_VALUE).orElse(0);
      Optional<Integer> limit = QueryParams.intIn(ctx, "limit", 1, 100);
      return new Page(limit.orElse(wantsCsv(ctx) ? Integer.MAX_VALUE : DEFAULT_LIMIT), offset);
    }
  }
}
