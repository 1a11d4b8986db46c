package io.cairn.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Cairn;
import io.cairn.labor.model.SkillValueModel;
import io.cairn.server.api.ApiException;
import io.cairn.server.api.ModelViews;
import io.cairn.server.api.RequestBodies;
import io.javalin.http.Context;

/** {@code GET /api/model} and {@code POST /api/skills/next}: the skill-value model's card and its next skills. */
final class ModelController {
  static final String NO_MODEL = "no skill-value model is loaded: recommendations use the transparent scorer; "
      + "train one with 'cairn train --out FILE' and start the server with 'cairn serve --model FILE' "
      + "(or CAIRN_MODEL=FILE)";
  private final Cairn cairn;
  private final ObjectMapper json;

  ModelController(Cairn cairn, ObjectMapper json) {
    this.cairn = cairn;
    this.json = json;
  }

  void card(Context ctx) {
    SkillValueModel model = cairn.model().orElseThrow(() -> new ApiException(404, "No skill-value model", NO_MODEL));
    ctx.jsonStream(ModelViews.card(model.card()));
  }

  void nextSkills(Context ctx) {
    RequestBodies.NextSkillsBody body = JsonBodies.read(ctx, json, RequestBodies.NextSkillsBody.class);
    String field = body.field();
    Cairn.NextSkills answer = cairn.nextSkills(body.toLearner(), body.occupationId(), field, body.size());
    ctx.jsonStream(ModelViews.nextSkills(answer, field, describe(cairn)));
  }

  /** What scores the recommendations, said for /health and /api/about. */
  static String describe(Cairn cairn) {
    return cairn.model().map(m -> "skill-value model: " + m.card().learner().describe() + ", trained "
        + m.card().createdAt() + " on ESCO " + m.card().escoVersion()).orElse("none");
  }
}
