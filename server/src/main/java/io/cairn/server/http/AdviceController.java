package io.cairn.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.server.api.AuditViews;
import io.cairn.server.api.CatalogStrings;
import io.cairn.server.api.CompactRecommendationsJson;
import io.cairn.server.api.ExplanationForm;
import io.cairn.server.api.RequestBodies;
import io.cairn.server.api.Views;
import io.cairn.rank.RecommendationList;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;

/** {@code POST /api/recommendations} and {@code POST /api/audits}: the two questions learners and advisors ask. */
final class AdviceController {
  private static final String EXPLAIN = "explain";
  private final Cairn cairn;
  private final ObjectMapper json;
  private final ObjectWriter bytes;
  private final WhatIsLeftPlanning planning;
  // the served snapshot's catalog strings as JSON values, encoded once across answers; replaced with the snapshot
  private volatile CatalogStrings strings;

  AdviceController(Cairn cairn, ObjectMapper json, WhatIsLeftPlanning planning) {
    this.cairn = cairn;
    this.json = json;
    this.bytes = Utf8JsonMapper.utf8Writer(json);
    this.planning = planning;
  }

  void recommend(Context ctx) throws IOException {
    // the query is checked before the body is read and the engine runs: a typo in it costs nothing
    ExplanationForm form = explanationForm(ctx);
    RequestBodies.RecommendationBody body = JsonBodies.read(ctx, json, RequestBodies.RecommendationBody.class);
    RecommendationList list = cairn.recommend(body.toRequest());
    CatalogSnapshot snapshot = cairn.snapshot();
    if (form == ExplanationForm.COMPACT) {
      // the default form, the one asked most: written straight into bytes, without the view records
      CatalogStrings encoded = CatalogStrings.of(snapshot, strings);
      strings = encoded;
      ctx.contentType(ContentType.APPLICATION_JSON).result(new CompactRecommendationsJson(bytes, encoded).bytes(list));
    } else {
      ctx.jsonStream(new Views(snapshot).recommendations(list, cairn.demand(snapshot), form));
    }
  }

  /** {@code ?explain=compact|full}, compact when absent; a misspelt parameter is refused rather than ignored. */
  private static ExplanationForm explanationForm(Context ctx) {
    QueryParams.onlyKnown(ctx, Set.of(EXPLAIN));
    return QueryParams.oneOf(ctx, EXPLAIN, ExplanationForm.apiNames())
        .flatMap(ExplanationForm::fromApiName).orElse(ExplanationForm.DEFAULT);
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
