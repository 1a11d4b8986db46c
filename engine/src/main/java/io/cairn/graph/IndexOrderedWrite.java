package io.cairn.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * Writes a large new named graph into the store inside the caller's write transaction. In TDB2 every triple
 * added the usual way goes into its six quad indexes at once, each at a random place (an import spent half its
 * time inserting into B+trees); here the rows are gathered as node ids first, then each index takes them all in
 * its own key order, which is what makes Jena's bulk loaders fast, without their separate transactions. Other
 * stores take the triples as they come.
 */
final class IndexOrderedWrite {
  private IndexOrderedWrite() {}

  /**
   * Runs {@code writer} over a graph that takes additions and tells its size (distinct triples), then writes
   * what it added into the (empty) graph {@code name} of {@code dsg}, inside the active write transaction.
   */
  static void into(DatasetGraph dsg, Node name, Consumer<Graph> writer) {
    if (!TDBInternal.isTDB2(dsg)) {
      writer.accept(dsg.getGraph(name));
      return;
    }
    NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
    Rows rows = new Rows(quads.getNodeTable(), quads.getNodeTable().getAllocateNodeId(name));
    writer.accept(rows);
    List<Tuple<NodeId>> all = new ArrayList<>(rows.rows);
    rows.rows.clear();
    for (TupleIndex index : quads.getTupleTable().getIndexes()) {
      int[] slots = slots(index.getMapping());
      all.sort((a, b) -> compare(a, b, slots));
      all.forEach(index::add);
    }
  }

  /** Which slot of a primary-order row comes first, second... in the index's key. */
  private static int[] slots(TupleMap order) {
    Tuple<Integer> mapped = order.map(TupleFactory.create4(0, 1, 2, 3));
    int[] slots = new int[mapped.len()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = mapped.get(i);
    }
    return slots;
  }

  private static int compare(Tuple<NodeId> a, Tuple<NodeId> b, int[] slots) {
    for (int slot : slots) {
      int c = NodeId.compare(a.get(slot), b.get(slot));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** The rows a writer adds, as quads of node ids in the table's primary order (graph, subject, predicate, object). */
  private static final class Rows extends GraphBase {
    private final NodeTable nodes;
    private final NodeId graph;
    private final Set<Tuple<NodeId>> rows = new LinkedHashSet<>();

    Rows(NodeTable nodes, NodeId graph) {
      this.nodes = nodes;
      this.graph = graph;
    }

    @Override
    public void performAdd(Triple t) {
      rows.add(TupleFactory.create4(graph, nodes.getAllocateNodeId(t.getSubject()),
          nodes.getAllocateNodeId(t.getPredicate()), nodes.getAllocateNodeId(t.getObject())));
    }

    @Override
    protected int graphBaseSize() {
      return rows.size();
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
      throw new UnsupportedOperationException("a graph being written in index order is read only after the write");
    }
  }
}
