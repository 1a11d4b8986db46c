package io.cairn.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Cairn;
import io.cairn.server.api.PostingViews;
import io.javalin.http.Context;

/**
 * {@code POST /api/postings/skills}: a job posting read as the ESCO skills it asks for; {@code POST
 * /api/postings/match}: the credentials that evidence them.
 */
final class PostingController {
  private final Cairn cairn;
  private final ObjectMapper json;

  PostingController(Cairn cairn, ObjectMapper json) {
    this.cairn = cairn;
    this.json = json;
  }

  void skills(Context ctx) {
    PostingViews.PostingBody body = JsonBodies.read(ctx, json, PostingViews.PostingBody.class);
    io.cairn.Cairn.PostingSkillsAnswer answer = cairn.postingSkills(body.toPosting());
    ctx.jsonStream(PostingViews.skills(answer, cairn.demand(answer.snapshot())));
  }

  void match(Context ctx) {
    PostingViews.MatchBody body = JsonBodies.read(ctx, json, PostingViews.MatchBody.class);
    int k = body.size();
    ctx.jsonStream(PostingViews.match(cairn.postingMatch(body.posting() == null ? null : body.posting().toPosting(),
        body.occupation(), body.learner() == null ? null : body.learner().toLearner(), k)));
  }
}
