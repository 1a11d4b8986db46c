package io.cairn.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/** The SPARQL of the graph package, one {@code .rq} (query) or {@code .ru} (update) file each. */
final class SparqlQueries {
  private static final ConcurrentHashMap<String, Query> CACHE = new ConcurrentHashMap<>();

  private SparqlQueries() {}

  /** The query in {@code io/cairn/graph/queries/NAME.rq}; a copy, since Jena queries are mutable. */
  static Query get(String name) {
    return CACHE.computeIfAbsent(name, SparqlQueries::parse).cloneQuery();
  }

  /** The update in {@code io/cairn/graph/updates/NAME.ru}, parsed anew (updates are rare and mutable). */
  static org.apache.jena.update.UpdateRequest update(String name) {
    return org.apache.jena.update.UpdateFactory.create(text("io/cairn/graph/updates/" + name + ".ru"));
  }

  private static Query parse(String name) {
    return QueryFactory.create(text("io/cairn/graph/queries/" + name + ".rq"));
  }

  /** The text of a SPARQL resource on the class path. */
  static String text(String resource) {
    try (InputStream in = SparqlQueries.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing SPARQL " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
