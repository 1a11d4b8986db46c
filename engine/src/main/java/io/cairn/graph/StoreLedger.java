package io.cairn.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What the store records about itself in its meta graph: the store version, and where each source graph came
 * from. Called inside the caller's transaction. The meta graph is in the union graph; no shape or snapshot query
 * matches its triples (the store node, and source graph names with Cairn's own predicates).
 */
final class StoreLedger {
  static final String META_GRAPH = "urn:cairn:graph:meta";
  private static final Node META = NodeFactory.createURI(META_GRAPH);
  private static final Node STORE = NodeFactory.createURI("urn:cairn:store");
  private static final Node VERSION = NodeFactory.createURI("https://w3id.org/cairn/ns#storeVersion");
  private static final Node LAST_WRITE = NodeFactory.createURI("https://w3id.org/cairn/ns#lastWrite");
  private static final Node ORIGIN = NodeFactory.createURI("https://w3id.org/cairn/ns#sourceOrigin");

  private StoreLedger() {}

  static long version(DatasetGraph dsg) {
    var it = dsg.getGraph(META).find(STORE, VERSION, Node.ANY);
    try {
      return it.hasNext() ? ((Number) it.next().getObject().getLiteralValue()).longValue() : 0L;
    } finally {
      it.close();
    }
  }

  static long bumpVersion(DatasetGraph dsg) {
    long next = version(dsg) + 1;
    dsg.deleteAny(META, STORE, VERSION, Node.ANY);
    dsg.add(META, STORE, VERSION, NodeFactory.createLiteralDT(Long.toString(next), XSDDatatype.XSDlong));
    return next;
  }

  /**
   * Records which write set the version, so a writer to a shared store can tell its own commit from another's
   * (see {@link RemoteStore#publish}); only mirrors of a shared store record it.
   */
  static void markWrite(DatasetGraph dsg, String token) {
    dsg.deleteAny(META, STORE, LAST_WRITE, Node.ANY);
    dsg.add(META, STORE, LAST_WRITE, NodeFactory.createLiteralString(token));
  }

  /** Where the triples of {@code graph} came from; empty when not recorded (loaded by an earlier Cairn). */
  static Optional<String> origin(DatasetGraph dsg, String graph) {
    var it = dsg.getGraph(META).find(NodeFactory.createURI(graph), ORIGIN, Node.ANY);
    try {
      return it.hasNext() ? Optional.of(it.next().getObject().getLiteralLexicalForm()) : Optional.empty();
    } finally {
      it.close();
    }
  }

  static void recordOrigin(DatasetGraph dsg, String graph, String origin) {
    forget(dsg, graph);
    dsg.add(META, NodeFactory.createURI(graph), ORIGIN, NodeFactory.createLiteralString(origin));
  }

  static void forget(DatasetGraph dsg, String graph) {
    dsg.deleteAny(META, NodeFactory.createURI(graph), ORIGIN, Node.ANY);
  }

  /**
   * What loading {@code sources} would do to each graph, by the identity rule: a source adds its graph, or
   * replaces it when the graph holds what the same origin loaded before; a graph that came from another origin
   * (or from one not recorded) is replaced only under {@link GraphStore.LoadMode#REPLACE}.
   *
   * @throws SourceConflictException when a graph would be replaced without that, or two sources name one graph
   */
  static List<SourceChange> plan(DatasetGraph dsg, List<RdfSource> sources, GraphStore.LoadMode mode) {
    Map<String, RdfSource> byGraph = new HashMap<>();
    List<SourceChange> changes = new ArrayList<>();
    for (RdfSource source : sources) {
      RdfSource twin = byGraph.putIfAbsent(source.graphName(), source);
      if (twin != null) {
        throw new SourceConflictException("two sources would go into graph " + source.graphName() + " ("
            + twin.origin() + " and " + source.origin() + "); nothing was loaded. Give each file once, or name"
            + " their graphs apart");
      }
      changes.add(change(dsg, source.graphName(), source.origin(), source.graph().size(), mode));
    }
    return changes;
  }

  /**
   * What taking the {@code edits}' triples out of their graphs does to each graph: an edit of a graph the store
   * does not hold, or of triples it does not hold, changes nothing and is not reported.
   */
  static List<SourceChange> edits(DatasetGraph dsg, List<GraphEdit> edits) {
    Map<String, java.util.Set<org.apache.jena.graph.Triple>> byGraph = new java.util.LinkedHashMap<>();
    edits.forEach(e -> byGraph.computeIfAbsent(e.graphName(), k -> new java.util.HashSet<>()).addAll(e.remove()));
    List<SourceChange> changes = new ArrayList<>();
    byGraph.forEach((graph, triples) -> {
      Graph stored = dsg.getGraph(NodeFactory.createURI(graph));
      long removed = triples.stream().filter(stored::contains).count();
      if (removed > 0) {
        long before = stored.size();
        changes.add(SourceChange.edited(graph, origin(dsg, graph).orElse(""), before - removed, before));
      }
    });
    return changes;
  }

  /** The change that putting {@code triples} triples from {@code origin} into {@code graph} makes. */
  static SourceChange change(DatasetGraph dsg, String graph, String origin, long triples, GraphStore.LoadMode mode) {
    Node name = NodeFactory.createURI(graph);
    if (!dsg.containsGraph(name)) {
      return SourceChange.added(graph, origin, triples);
    }
    Graph existing = dsg.getGraph(name);
    long previous = existing.size();
    if (previous == 0) {
      return SourceChange.added(graph, origin, triples);
    }
    String previousOrigin = origin(dsg, graph).orElse("");
    SourceChange change = SourceChange.replaced(graph, origin, triples, previous, previousOrigin);
    if (change.replacesAnotherSource() && mode != GraphStore.LoadMode.REPLACE) {
      throw new SourceConflictException(String.format(java.util.Locale.ROOT,
          "graph %s already holds %,d triples from %s, not from %s; nothing was loaded. Load it into another"
              + " graph, or ask to replace that source (cairn load --replace)",
          graph, previous, previousOrigin.isEmpty() ? "a load that did not record its origin" : previousOrigin,
          origin));
    }
    return change;
  }
}
