package io.cairn.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Cairn;
import io.cairn.server.api.PostingViews;
import io.javalin.http.Context;

/** {@code POST /api/postings/skills}: a job posting read as the ESCO skills it asks for. */
final class PostingController {
  private final Cairn cairn;
  private final ObjectMapper json;

  PostingController(Cairn cairn, ObjectMapper json) {
    this.cairn = cairn;
    this.json = json;
  }

  void skills(Context ctx) {
    PostingViews.PostingBody body = JsonBodies.read(ctx, json, PostingViews.PostingBody.class);
    ctx.json(PostingViews.skills(cairn.postingSkills(body.toPosting())));
  }
}
