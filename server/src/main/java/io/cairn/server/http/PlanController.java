package io.cairn.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Cairn;
import io.cairn.server.api.PlanViews;
import io.cairn.server.api.RequestBodies;
import io.javalin.http.Context;

/** {@code POST /api/plans}: the whole path to a goal, with alternatives and the greedy baseline. */
final class PlanController {
  private final Cairn cairn;
  private final ObjectMapper json;

  PlanController(Cairn cairn, ObjectMapper json) {
    this.cairn = cairn;
    this.json = json;
  }

  void plan(Context ctx) {
    RequestBodies.PlanBody body = JsonBodies.read(ctx, json, RequestBodies.PlanBody.class);
    Cairn.PlanReport report = cairn.plan(body.toRequest(), body.specs());
    ctx.jsonStream(PlanViews.of(report));
  }
}
