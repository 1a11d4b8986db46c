package io.cairn.server.http;

import io.cairn.server.api.ApiException;

import io.javalin.http.Context;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Reads and checks query parameters at the edge, so handlers see only valid values. */
final class QueryParams {
  private QueryParams() {}

  static Optional<String> text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  static Optional<Double> nonNegative(Context ctx, String name) {
    return text(ctx, name).map(v -> {
      try {
        double d = Double.parseDouble(v);
        if (d >= 0 && Double.isFinite(d)) {
          return d;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw ApiException.badRequest("query parameter '" + name + "' must be a number >= 0, got '" + v + "'");
    });
  }

  static Optional<Integer> intIn(Context ctx, String name, int min, int max) {
    return text(ctx, name).map(v -> {
      try {
        int i = Integer.parseInt(v);
        if (i >= min && i <= max) {
          return i;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw ApiException.badRequest(
          "query parameter '" + name + "' must be an integer from " + min + " to " + max + ", got '" + v + "'");
    });
  }

  static Optional<Boolean> bool(Context ctx, String name) {
    return text(ctx, name).map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.badRequest("query parameter '" + name + "' must be true or false, got '" + v + "'");
    });
  }

  /** A parameter that takes one of a few names; anything else is refused with the names it takes. */
  static Optional<String> oneOf(Context ctx, String name, Collection<String> allowed) {
    return text(ctx, name).map(v -> {
      if (!allowed.contains(v)) {
        throw ApiException.badRequest("query parameter '" + name + "' must be one of "
            + String.join(", ", allowed.stream().sorted().toList()) + ", got '" + v + "'");
      }
      return v;
    });
  }

  /** Refuses parameters the endpoint does not know, so a typo does not silently match everything. */
  static void onlyKnown(Context ctx, Set<String> known) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!known.contains(name)) {
        throw ApiException.badRequest("unknown query parameter '" + name + "'; this endpoint takes "
            + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  /** Paging: {@code limit} 1..100 (default 20) and {@code offset} >= 0 (default 0). */
  record Page(int limit, int offset) {
    static Page of(Context ctx) {
      return new Page(intIn(ctx, "limit", 1, 100).orElse(20), intIn(ctx, "offset", 0, Integer.MAX_VALUE).orElse(0));
    }
  }
}
