package io.cairn.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Cairn;
import io.cairn.server.api.AuditViews;
import io.cairn.server.api.RequestBodies;
import io.cairn.server.api.Views;
import io.cairn.rank.RecommendationList;
import io.javalin.http.Context;

/** {@code POST /api/recommendations} and {@code POST /api/audits}: the two questions learners and advisors ask. */
final class AdviceController {
  private final Cairn cairn;
  private final ObjectMapper json;
  private final WhatIsLeftPlanning planning;

  AdviceController(Cairn cairn, ObjectMapper json, WhatIsLeftPlanning planning) {
    this.cairn = cairn;
    this.json = json;
    this.planning = planning;
  }

  void recommend(Context ctx) {
    RequestBodies.RecommendationBody body = JsonBodies.read(ctx, json, RequestBodies.RecommendationBody.class);
    RecommendationList list = cairn.recommend(body.toRequest());
    io.cairn.catalog.CatalogSnapshot snapshot = cairn.snapshot();
    ctx.jsonStream(new Views(snapshot).recommendations(list, cairn.demand(snapshot)));
  }

  void audit(Context ctx) {
    RequestBodies.AuditBody body = JsonBodies.read(ctx, json, RequestBodies.AuditBody.class);
    body.check();
    if (!body.leftAsked()) {
      ctx.jsonStream(AuditViews.of(cairn.audit(body.toLearner(), body.pathway().trim(), body.whatIfIds(),
          body.specs())));
      return;
    }
    // what is left is a planner run per open requirement: planned apart, so that it never holds up other requests
    ctx.future(() -> planning.submit(() -> AuditViews.of(cairn.audit(body.toLearner(), body.pathway().trim(),
        body.whatIfIds(), body.specs(), true))).thenAccept(ctx::jsonStream));
  }
}
