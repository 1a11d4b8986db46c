package io.cairn.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.Difference;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * What every write is checked by, inside the writer's transaction: the store as it would be after the write (the
 * sources swapped in for the graphs they replace, the edits' triples taken out), first against the chain rules
 * ({@link ChainCheck}), then against the shapes. Returns violations and warnings; only violations refuse.
 */
final class LoadCheck {
  private final ShapeValidator validator;

  LoadCheck(ShapeValidator validator) {
    this.validator = validator;
  }

  /**
   * The chain rules, then the shapes, against the store as it would be with the sources and edits. New graphs
   * only add triples, so only the nodes they add to or point at need the shapes; a replacement or an edit may take
   * away what other data relies on, so it checks everything.
   */
  List<Violation> check(DatasetGraph dsg, List<RdfSource> sources, List<GraphEdit> edits) {
    boolean onlyAdds = onlyAdds(dsg, sources, edits);
    Graph view = onlyAdds ? addedView(dsg, sources) : view(dsg, sources, edits);
    if (onlyAdds) {
      return checkAdded(view, sources);
    }
    List<Violation> chains = ChainCheck.check(view);
    return chains.isEmpty() ? validator.validate(view) : chains;
  }

  /**
   * The chain rules, then the shapes, against {@code view}: the store as it would be after a write that only adds
   * {@code sources}, which the view holds. Only what the sources add to or point at is checked.
   */
  List<Violation> checkAdded(Graph view, List<RdfSource> sources) {
    List<Graph> added = sources.stream().map(RdfSource::graph).toList();
    // a store holds no chain too long and no cycle (every write is checked), so what only adds can only break a
    // chain it touches: checked from there, not over every link of the store
    List<Violation> chains = ChainCheck.checkAdded(view, added);
    return chains.isEmpty() ? validator.validate(view, validator.focusNodes(added)) : chains;
  }

  /**
   * True when writing {@code sources} and {@code edits} would only add triples: no edit takes any out and no
   * source replaces a graph the store holds.
   */
  private static boolean onlyAdds(DatasetGraph dsg, List<RdfSource> sources, List<GraphEdit> edits) {
    return edits.isEmpty()
        && sources.stream().noneMatch(s -> dsg.containsGraph(NodeFactory.createURI(s.graphName())));
  }

  /** The chain rules, then the shapes, against everything the store holds now; violations only. */
  List<Violation> refusalsOfWhole(DatasetGraph dsg) {
    Graph union = dsg.getUnionGraph();
    List<Violation> chains = ChainCheck.check(union);
    return chains.isEmpty() ? validator.validate(union).stream().filter(Violation::refuses).toList() : chains;
  }

  /**
   * The warnings among {@code results} about what {@code sources} describe: a replacement checks the whole store,
   * and the gaps of other sources are not this load's to report.
   */
  static List<Violation> warningsAbout(List<RdfSource> sources, List<Violation> results) {
    Set<String> described = new HashSet<>();
    for (RdfSource source : sources) {
      source.graph().find().forEachRemaining(t -> {
        if (t.getSubject().isURI()) {
          described.add(t.getSubject().getURI());
        }
      });
    }
    return results.stream().filter(v -> !v.refuses() && described.contains(v.focusNode())).toList();
  }

  /**
   * The store as it would be after a load that only adds graphs: its own union graph (one index lookup per pattern,
   * however many graphs it holds) and the new graphs, still in memory, so that most lookups about the nodes they
   * add are answered there. The meta graph the union includes holds only the store version and the sources'
   * origins, which no shape targets.
   */
  private static Graph addedView(DatasetGraph dsg, List<RdfSource> sources) {
    MultiUnion union = new MultiUnion();
    union.addGraph(dsg.getUnionGraph());
    sources.forEach(s -> union.addGraph(s.graph()));
    return union;
  }

  private static Graph view(DatasetGraph dsg, List<RdfSource> sources, List<GraphEdit> edits) {
    if (sources.isEmpty() && edits.isEmpty()) {
      // nothing is swapped in from memory, so the store's own union graph is the whole view: one index lookup per
      // pattern rather than one per named graph; the meta graph it includes holds only the store version and the
      // sources' origins, which no shape targets
      return dsg.getUnionGraph();
    }
    Set<String> replaced = new HashSet<>();
    sources.forEach(s -> replaced.add(s.graphName()));
    Map<String, Graph> removals = new HashMap<>();
    for (GraphEdit edit : edits) {
      Graph removed = removals.computeIfAbsent(edit.graphName(), k -> GraphFactory.createDefaultGraph());
      edit.remove().forEach(removed::add);
    }
    MultiUnion union = new MultiUnion();
    for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
      Node name = it.next();
      if (!replaced.contains(name.getURI()) && !name.getURI().equals(StoreLedger.META_GRAPH)) {
        Graph removed = removals.get(name.getURI());
        union.addGraph(removed == null ? dsg.getGraph(name) : new Difference(dsg.getGraph(name), removed));
      }
    }
    sources.forEach(s -> union.addGraph(s.graph()));
    return union;
  }
}
