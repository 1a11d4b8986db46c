package io.cairn.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * How a {@link GraphStore} mirrors a {@link RemoteStore}. Every write runs the store's own checks (SHACL against
 * the mirror's contents, which are the shared store's at the mirror's version, and the chain check) inside the
 * mirror's write transaction; before that transaction commits, the graphs it changed and the meta graph go to the
 * shared store in one request that applies only if the shared store is still at that version (a compare-and-set).
 * So a refused write changes nothing anywhere, and of two writers validated against the same version one commits
 * and the other gets a {@link StoreConflictException} (and {@link LiveCatalog} validates it again and retries).
 */
final class StoreMirror {
  private StoreMirror() {}

  /** The graphs a write changed, and the meta graph (the version, the sources' origins), each named once. */
  static List<String> graphs(Stream<String> written, Stream<String> edited) {
    return Stream.concat(Stream.concat(written, edited), Stream.of(StoreLedger.META_GRAPH)).distinct().toList();
  }

  /** Sends the changed graphs as they are inside the caller's write transaction, version {@code from} + 1. */
  static void publish(RemoteStore remote, DatasetGraph dsg, long from, List<String> graphs) {
    String token = UUID.randomUUID().toString();
    StoreLedger.markWrite(dsg, token);
    Map<String, Graph> contents = new LinkedHashMap<>();
    graphs.forEach(g -> contents.put(g, dsg.getGraph(NodeFactory.createURI(g))));
    remote.publish(from, token, contents);
  }

  /** Makes {@code mirror} hold exactly what {@code fetched} holds; called inside the mirror's write transaction. */
  static void replaceContents(DatasetGraph mirror, DatasetGraph fetched) {
    mirror.clear();
    fetched.find().forEachRemaining(mirror::add);
  }
}
