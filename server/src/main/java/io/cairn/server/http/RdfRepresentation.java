package io.cairn.server.http;

import io.cairn.Cairn;
import io.javalin.http.Context;
import java.util.Locale;

/** Serves an entity's triples as Turtle when the client asks for it: the graph is the source of truth. */
final class RdfRepresentation {
  static final String TURTLE = "text/turtle";

  private RdfRepresentation() {}

  /** True when the Accept header prefers Turtle over JSON (a plain listing of text/turtle is enough). */
  static boolean wanted(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains(TURTLE)
        && !accept.toLowerCase(Locale.ROOT).contains("application/json");
  }

  static void send(Context ctx, Cairn cairn, String iri) {
    ctx.contentType(TURTLE + "; charset=utf-8").result(cairn.catalog().store().describe(iri));
  }
}
