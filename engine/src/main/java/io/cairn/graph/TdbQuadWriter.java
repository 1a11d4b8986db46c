package io.cairn.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Adds triples to named graphs of a TDB2 store, inside the caller's write transaction, resolving each distinct
 * node to its TDB2 id once per write: what adding them to the graphs does, less the repeated look-ups. TDB2's
 * node cache keeps only the last thousand nodes a write transaction creates, so in a large write most repeated
 * nodes (an occupation's IRI on each of its skill links, say) were looked up in the node index again, one B+tree
 * search each. The ids are only valid in this transaction, and so is the writer.
 */
final class TdbQuadWriter {
  private final NodeTable nodes;
  private final TupleTable quads;
  private final Map<Node, NodeId> ids = new HashMap<>();

  /** A writer into {@code dsg}, a TDB2 store in a write transaction ({@link #canWrite}). */
  TdbQuadWriter(DatasetGraph dsg) {
    NodeTupleTable table = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
    this.nodes = table.getNodeTable();
    this.quads = table.getTupleTable();
  }

  /** True when {@code dsg} is a TDB2 store, which this writer can write. */
  static boolean canWrite(DatasetGraph dsg) {
    return TDBInternal.isTDB2(dsg);
  }

  /** What adds a triple to the named graph {@code graphName}. */
  Consumer<Triple> into(Node graphName) {
    NodeId graph = id(graphName);
    return triple -> quads.add(TupleFactory.create4(graph, id(triple.getSubject()), id(triple.getPredicate()),
        id(triple.getObject())));
  }

  /**
   * The ids of every triple of {@code graph} as quads in {@code graphName}, four to a quad, allocating ids for the
   * nodes the store lacks: the part of a write that holds the node table's lock (a reader on another thread that
   * misses the node cache waits for it), done before {@link #add} so that the index writes can run beside readers.
   */
  NodeId[] resolve(Node graphName, org.apache.jena.graph.Graph graph) {
    NodeId g = id(graphName);
    NodeId[] quads = new NodeId[4 * graph.size()];
    int at = 0;
    for (var it = graph.find(); it.hasNext(); ) {
      Triple t = it.next();
      quads[at++] = g;
      quads[at++] = id(t.getSubject());
      quads[at++] = id(t.getPredicate());
      quads[at++] = id(t.getObject());
    }
    return at == quads.length ? quads : java.util.Arrays.copyOf(quads, at);
  }

  /** Adds quads {@link #resolve resolved} in this transaction to the store's indexes. */
  void add(NodeId[] resolved) {
    for (int i = 0; i < resolved.length; i += 4) {
      quads.add(TupleFactory.create4(resolved[i], resolved[i + 1], resolved[i + 2], resolved[i + 3]));
    }
  }

  private NodeId id(Node node) {
    NodeId id = ids.get(node);
    if (id == null) {
      id = nodes.getAllocateNodeId(node);
      ids.put(node, id);
    }
    return id;
  }
}
