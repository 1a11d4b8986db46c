package io.cairn.server.http;

import io.cairn.Cairn;
import io.cairn.server.api.ApiException;
import io.cairn.server.api.Views;
import io.cairn.catalog.Pathway;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /api/pathways}: listing and one pathway with its requirement trees. */
final class PathwayController {
  private final Cairn cairn;

  PathwayController(Cairn cairn) {
    this.cairn = cairn;
  }

  void list(Context ctx) {
    QueryParams.onlyKnown(ctx, Set.of("limit", "offset"));
    Views views = new Views(cairn.snapshot());
    ctx.json(Paged.of(cairn.snapshot().pathways(), QueryParams.Page.of(ctx), views::pathwaySummary));
  }

  void get(Context ctx) {
    String id = ctx.pathParam("id");
    Pathway pathway = cairn.snapshot().findPathway(id).orElseThrow(() -> ApiException.notFound(
        "Pathway", id, "list pathways with GET /api/pathways"));
    ctx.json(new Views(cairn.snapshot()).pathwayDetail(pathway));
  }
}
