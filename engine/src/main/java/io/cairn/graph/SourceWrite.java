package io.cairn.graph;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;

/**
 * The write of loaded sources, each into its own named graph, inside the caller's write transaction, in two
 * steps. {@link #prepare} takes out the graphs they replace and, on TDB2, resolves every node to its id
 * ({@link TdbQuadWriter}), allocating the new ones: the part that holds the node table's lock. {@link #apply} then
 * adds the quads to the indexes and records each source's origin, which a check reading the store on another
 * thread does not wait for.
 */
final class SourceWrite {
  private final DatasetGraph dsg;
  private final List<RdfSource> sources;
  private final TdbQuadWriter tdb;
  private final List<NodeId[]> resolved;

  private SourceWrite(DatasetGraph dsg, List<RdfSource> sources, TdbQuadWriter tdb, List<NodeId[]> resolved) {
    this.dsg = dsg;
    this.sources = sources;
    this.tdb = tdb;
    this.resolved = resolved;
  }

  /** Takes out the graphs the sources replace and resolves their nodes; writes none of their triples yet. */
  static SourceWrite prepare(DatasetGraph dsg, List<RdfSource> sources) {
    TdbQuadWriter tdb = TdbQuadWriter.canWrite(dsg) ? new TdbQuadWriter(dsg) : null;
    List<NodeId[]> resolved = new ArrayList<>();
    for (RdfSource source : sources) {
      Node name = NodeFactory.createURI(source.graphName());
      dsg.removeGraph(name);
      if (tdb != null) {
        resolved.add(tdb.resolve(name, source.graph()));
      }
    }
    return new SourceWrite(dsg, sources, tdb, resolved);
  }

  /** Writes the sources' triples and records where each came from. */
  void apply() {
    for (int i = 0; i < sources.size(); i++) {
      RdfSource source = sources.get(i);
      if (tdb != null) {
        tdb.add(resolved.get(i));
      } else {
        dsg.addGraph(NodeFactory.createURI(source.graphName()), source.graph());
      }
      StoreLedger.recordOrigin(dsg, source.graphName(), source.origin());
    }
  }
}
