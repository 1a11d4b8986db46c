package io.cairn.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * The mappings' SPARQL, one {@code .rq} file each next to the importer that uses it, parsed once. Updates run on
 * the document's own graph (nothing of the store is visible to them); values from the document are never spliced
 * into query text.
 */
public final class MappingQueries {
  private static final ConcurrentHashMap<String, Object> CACHE = new ConcurrentHashMap<>();

  private MappingQueries() {}

  /** Runs the SPARQL Update in {@code NAME.rq} beside {@code owner}'s package against {@code graph}. */
  public static void update(Class<?> owner, String name, Graph graph) {
    UpdateRequest request = (UpdateRequest) CACHE.computeIfAbsent(path(owner, name),
        p -> UpdateFactory.create(read(p)));
    DatasetGraph dataset = DatasetGraphFactory.wrap(graph);
    UpdateAction.execute(request, dataset);
  }

  /**
   * Runs the update against a dataset of graphs: the default graph under the key {@code ""}, the others by name
   * (such as the CTDL class hierarchy beside a document). The graphs are linked, not copied.
   */
  public static void update(Class<?> owner, String name, java.util.Map<String, Graph> graphs) {
    UpdateRequest request = (UpdateRequest) CACHE.computeIfAbsent(path(owner, name),
        p -> UpdateFactory.create(read(p)));
    DatasetGraph dataset = DatasetGraphFactory.createGeneral(graphs.get(""));
    graphs.forEach((graphName, graph) -> {
      if (!graphName.isEmpty()) {
        dataset.addGraph(org.apache.jena.graph.NodeFactory.createURI(graphName), graph);
      }
    });
    UpdateAction.execute(request, dataset);
  }

  /** A CONSTRUCT or SELECT in {@code NAME.rq} beside {@code owner}, as an execution over {@code graph}. */
  public static QueryExecution query(Class<?> owner, String name, Graph graph) {
    Query query = ((Query) CACHE.computeIfAbsent(path(owner, name), p -> QueryFactory.create(read(p)))).cloneQuery();
    return QueryExecution.model(org.apache.jena.rdf.model.ModelFactory.createModelForGraph(graph)).query(query).build();
  }

  private static String path(Class<?> owner, String name) {
    return owner.getPackageName().replace('.', '/') + "/" + name + ".rq";
  }

  private static String read(String resource) {
    try (InputStream in = MappingQueries.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing mapping " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
