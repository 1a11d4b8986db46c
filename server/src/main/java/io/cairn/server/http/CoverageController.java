package io.cairn.server.http;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.gaps.CoverageAnalysis;
import io.cairn.gaps.CoverageReport;
import io.cairn.server.api.ApiException;
import io.cairn.server.api.Views;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/** {@code GET /api/coverage}: which skills of an occupation or a pathway the catalog teaches, and which none does. */
final class CoverageController {
  private final Cairn cairn;

  CoverageController(Cairn cairn) {
    this.cairn = cairn;
  }

  void coverage(Context ctx) {
    QueryParams.onlyKnown(ctx, Set.of("occupation", "pathway"));
    Optional<String> occupation = QueryParams.text(ctx, "occupation");
    Optional<String> pathway = QueryParams.text(ctx, "pathway");
    if (occupation.isPresent() == pathway.isPresent()) {
      throw ApiException.badRequest("give exactly one of 'occupation' (an occupation id, see GET /api/occupations) "
          + "or 'pathway' (a pathway id, see GET /api/pathways)");
    }
    CatalogSnapshot snapshot = cairn.snapshot();
    CoverageReport report = occupation.isPresent()
        ? CoverageAnalysis.of(snapshot, snapshot.findOccupation(occupation.get()).orElseThrow(() ->
            ApiException.notFound("Occupation", occupation.get(), "find occupations with GET /api/occupations?q=...")))
        : CoverageAnalysis.of(snapshot, snapshot.findPathway(pathway.get()).orElseThrow(() ->
            ApiException.notFound("Pathway", pathway.get(), "list pathways with GET /api/pathways")));
    ctx.jsonStream(new Views(snapshot).coverage(report, cairn.demand(snapshot)));
  }
}
