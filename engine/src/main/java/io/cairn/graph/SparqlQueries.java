package io.cairn.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/** The SPARQL of the graph package, one {@code .rq} file each, parsed once. */
final class SparqlQueries {
  private static final ConcurrentHashMap<String, Query> CACHE = new ConcurrentHashMap<>();

  private SparqlQueries() {}

  /** The query in {@code io/cairn/graph/queries/NAME.rq}; a copy, since Jena queries are mutable. */
  static Query get(String name) {
    return CACHE.computeIfAbsent(name, SparqlQueries::parse).cloneQuery();
  }

  private static Query parse(String name) {
    String resource = "io/cairn/graph/queries/" + name + ".rq";
    try (InputStream in = SparqlQueries.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing query " + resource);
      }
      return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
