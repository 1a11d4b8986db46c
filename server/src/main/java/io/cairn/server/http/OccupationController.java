package io.cairn.server.http;

import io.cairn.Cairn;
import io.cairn.server.api.ApiException;
import io.cairn.server.api.Views;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Occupation;
import io.javalin.http.Context;
import io.cairn.search.LabelSearch;
import io.cairn.search.NoMatch;
import io.cairn.search.SearchRequest;
import java.util.Set;

/** {@code /api/occupations}: listing with a label filter, and one occupation with its skills. */
final class OccupationController {
  private final Cairn cairn;

  OccupationController(Cairn cairn) {
    this.cairn = cairn;
  }

  void list(Context ctx) {
    QueryParams.onlyKnown(ctx, Set.of("q", "suggest", "iscoGroup", "limit", "offset"));
    QueryParams.Page page = QueryParams.Page.of(ctx);
    SearchRequest request = SearchParams.occupations(ctx);
    CatalogSnapshot snapshot = cairn.snapshot();
    Views views = new Views(snapshot);
    if (request.text().isBlank()) {
      ctx.jsonStream(Paged.of(snapshot.occupations().stream().filter(o -> LabelSearch.passes(o, request)).toList(),
          page, o -> views.occupationHit(o, o.label())));
    } else {
      // job titles as people write them: the normalizer when a title model is loaded, cleaned label search else
      ctx.jsonStream(Paged.of(cairn.occupations(snapshot, request, SearchParams.MAX_HITS), page,
          m -> views.occupationHit(snapshot.occupation(m.occupation()), m.matchedLabel()),
          () -> NoMatch.reason(snapshot, NoMatch.Searched.OCCUPATION, request.text())));
    }
  }

  void get(Context ctx) {
    String id = ctx.pathParam("id");
    Occupation occupation = cairn.snapshot().findOccupation(id).orElseThrow(() -> ApiException.notFound(
        "Occupation", id, "list occupations with GET /api/occupations"));
    if (RdfRepresentation.wanted(ctx)) {
      RdfRepresentation.send(ctx, cairn, occupation.iri());
      return;
    }
    ctx.jsonStream(new Views(cairn.snapshot()).occupationDetail(occupation));
  }
}
