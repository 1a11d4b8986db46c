package io.cairn.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * What a streamed replacement ({@link GraphStore#replaceGraph}) is checked by, on the writer's thread once the
 * in-memory copy of the new graph is whole: the store as committed, in a read transaction of its own, with the
 * copy and the sources loaded alongside swapped in (the write transaction on the other thread cannot be read from
 * here, and needs not be: it changes only those graphs and the ledger). Gives the violations, warnings left out.
 *
 * <p>When there are none and the new graphs will be all the store holds (a fresh import), it also hands that
 * whole store, in memory, to {@code whileWriting} with the version the commit will give it.
 */
final class ReplacementCheck implements Function<Graph, List<Violation>> {
  private final Dataset dataset;
  private final LoadCheck checks;
  private final String graphName;
  private final String origin;
  private final List<RdfSource> alongside;
  private final ObjLongConsumer<Sparql> whileWriting;

  ReplacementCheck(Dataset dataset, LoadCheck checks, String graphName, String origin, List<RdfSource> alongside,
      ObjLongConsumer<Sparql> whileWriting) {
    this.dataset = dataset;
    this.checks = checks;
    this.graphName = graphName;
    this.origin = origin;
    this.alongside = alongside;
    this.whileWriting = whileWriting;
  }

  @Override
  public List<Violation> apply(Graph copy) {
    List<RdfSource> sources = new ArrayList<>();
    sources.add(new RdfSource(graphName.substring(RdfSource.GRAPH_PREFIX.length()), graphName, origin, copy));
    sources.addAll(alongside);
    return Txn.calculateRead(dataset, () -> {
      DatasetGraph committed = dataset.asDatasetGraph();
      if (!holdsNothingElse(committed, sources)) {
        return refusals(checks.check(committed, sources, List.of()));
      }
      // a fresh import: the new graphs and the ontology are the whole store, all of it in memory, so neither the
      // check nor the compile needs to read the store (whose lookups would find nothing but cost an index search
      // each)
      MultiUnion whole = new MultiUnion();
      whole.addGraph(CairnOntology.ontology());
      sources.forEach(s -> whole.addGraph(s.graph()));
      List<Violation> refusals = refusals(checks.checkAdded(whole, sources));
      if (refusals.isEmpty() && whileWriting != null) {
        Model model = ModelFactory.createModelForGraph(whole);
        try {
          whileWriting.accept(q -> QueryExecution.model(model).query(q).build(), StoreLedger.version(committed) + 1);
        } catch (RuntimeException e) {
          // work done ahead: the caller does it again after the commit, where a real fault shows itself
        }
      }
      return refusals;
    });
  }

  private static List<Violation> refusals(List<Violation> results) {
    return results.stream().filter(Violation::refuses).toList();
  }

  /**
   * True when the store holds no graph but the ones {@code sources} replace, its ontology (the same as
   * {@link CairnOntology#ontology()}, written when the store opened) and its ledger.
   */
  private static boolean holdsNothingElse(DatasetGraph dsg, List<RdfSource> sources) {
    Set<String> expected = new HashSet<>();
    sources.forEach(s -> expected.add(s.graphName()));
    expected.add(CairnOntology.ONTOLOGY_GRAPH);
    expected.add(StoreLedger.META_GRAPH);
    for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
      if (!expected.contains(it.next().getURI())) {
        return false;
      }
    }
    return true;
  }
}
