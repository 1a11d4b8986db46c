package io.cairn.server.http;

import io.cairn.Cairn;
import io.cairn.Standards;
import io.cairn.interop.StandardFormat;
import io.cairn.server.api.ApiException;
import io.cairn.server.api.Views;
import io.cairn.catalog.Pathway;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /api/pathways}: listing and one pathway with its requirement trees. */
final class PathwayController {
  private final Cairn cairn;
  private final Standards standards;

  PathwayController(Cairn cairn, Standards standards) {
    this.cairn = cairn;
    this.standards = standards;
  }

  void list(Context ctx) {
    QueryParams.onlyKnown(ctx, Set.of("limit", "offset"));
    Views views = new Views(cairn.snapshot());
    ctx.jsonStream(Paged.of(cairn.snapshot().pathways(), QueryParams.Page.of(ctx), views::pathwaySummary));
  }

  void get(Context ctx) {
    QueryParams.onlyKnown(ctx, Set.of("format"));
    String id = ctx.pathParam("id");
    Pathway pathway = cairn.snapshot().findPathway(id).orElseThrow(() -> ApiException.notFound(
        "Pathway", id, "list pathways with GET /api/pathways"));
    java.util.Optional<StandardFormat> standard = StandardRepresentation.wanted(ctx);
    if (standard.isPresent()) {
      StandardRepresentation.send(ctx, standard.get(), standards.exportPathway(cairn.catalog(), standard.get(), pathway)
          .orElseThrow(() -> StandardRepresentation.notAcceptable(standard.get(), "pathway")));
      return;
    }
    ctx.jsonStream(new Views(cairn.snapshot()).pathwayDetail(pathway));
  }
}
