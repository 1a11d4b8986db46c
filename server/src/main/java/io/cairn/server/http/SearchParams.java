package io.cairn.server.http;

import io.cairn.catalog.EscoCollection;
import io.cairn.search.SearchRequest;
import io.cairn.server.api.ApiException;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/** The search and filter parameters of {@code /api/competencies} and {@code /api/occupations}, checked. */
final class SearchParams {
  static final int MAX_HITS = 1000;
  private static final Set<String> SKILL_TYPES = Set.of("skill", "knowledge", "skill-group");
  private static final Set<String> REUSE_LEVELS = Set.of("transversal", "cross-sector", "sector-specific",
      "occupation-specific");

  private SearchParams() {}

  static SearchRequest competencies(Context ctx) {
    Optional<String> type = QueryParams.oneOf(ctx, "skillType", SKILL_TYPES);
    Optional<String> reuse = QueryParams.oneOf(ctx, "reuseLevel", REUSE_LEVELS);
    Optional<EscoCollection> collection = QueryParams.text(ctx, "collection").map(c -> {
      try {
        return EscoCollection.fromApiName(c);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("query parameter 'collection': " + e.getMessage());
      }
    });
    return new SearchRequest(QueryParams.text(ctx, "q").orElse(""), QueryParams.bool(ctx, "suggest").orElse(false),
        type, reuse, collection, Optional.empty());
  }

  static SearchRequest occupations(Context ctx) {
    Optional<String> isco = QueryParams.text(ctx, "iscoGroup").map(g -> {
      if (!g.matches("\\d{1,4}")) {
        throw ApiException.badRequest("query parameter 'iscoGroup' must be an ISCO-08 code of 1 to 4 digits, got '"
            + g + "'");
      }
      return g;
    });
    return new SearchRequest(QueryParams.text(ctx, "q").orElse(""), QueryParams.bool(ctx, "suggest").orElse(false),
        Optional.empty(), Optional.empty(), Optional.empty(), isco);
  }
}
