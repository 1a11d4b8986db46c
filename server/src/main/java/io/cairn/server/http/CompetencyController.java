package io.cairn.server.http;

import io.cairn.Cairn;
import io.cairn.server.api.ApiException;
import io.cairn.server.api.Views;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.search.LabelSearch;
import io.cairn.search.NoMatch;
import io.cairn.search.SearchRequest;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /api/competencies}: search by label, one competency, its broader and narrower concepts. */
final class CompetencyController {
  private final Cairn cairn;

  CompetencyController(Cairn cairn) {
    this.cairn = cairn;
  }

  void search(Context ctx) {
    QueryParams.onlyKnown(ctx, Set.of("q", "suggest", "skillType", "reuseLevel", "collection", "limit", "offset"));
    QueryParams.Page page = QueryParams.Page.of(ctx);
    SearchRequest request = SearchParams.competencies(ctx);
    CatalogSnapshot snapshot = cairn.snapshot();
    if (request.text().isBlank()) {
      ctx.jsonStream(Paged.of(snapshot.competencies().stream().filter(c -> LabelSearch.passes(c, request)).toList(),
          page, c -> hit(c, c.label())));
    } else {
      ctx.jsonStream(Paged.of(
          cairn.labelSearch(snapshot).search(LabelSearch.Kind.COMPETENCY, request, SearchParams.MAX_HITS),
          page, h -> hit(snapshot.competency(h.index()), h.matchedLabel()),
          () -> NoMatch.reason(snapshot, NoMatch.Searched.COMPETENCY, request.text())));
    }
  }

  void get(Context ctx) {
    Competency competency = find(ctx);
    if (RdfRepresentation.wanted(ctx)) {
      RdfRepresentation.send(ctx, cairn, competency.iri());
      return;
    }
    ctx.jsonStream(new Views(cairn.snapshot()).competencyDetail(competency));
  }

  void broader(Context ctx) {
    Competency c = find(ctx);
    ctx.jsonStream(new Views(cairn.snapshot()).competencySummaries(cairn.snapshot().broader(c.index())));
  }

  void narrower(Context ctx) {
    Competency c = find(ctx);
    ctx.jsonStream(new Views(cairn.snapshot()).competencySummaries(cairn.snapshot().narrower(c.index())));
  }

  private Competency find(Context ctx) {
    String id = ctx.pathParam("id");
    return cairn.snapshot().findCompetency(id).orElseThrow(() -> ApiException.notFound("Competency", id,
        "search with GET /api/competencies?q=... and use an item's id or iri"));
  }

  private static Views.CompetencyHit hit(Competency c, String matchedLabel) {
    return new Views.CompetencyHit(c.id(), c.iri(), c.label(), matchedLabel, Views.emptyToNull(c.skillType()),
        Views.emptyToNull(c.reuseLevel()),
        c.demandIndex());
  }
}
