package io.cairn.graph;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.Difference;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * Cairn's triple store: one Jena {@link Dataset}, TDB2 on disk or in memory. Each loaded source lives in its own
 * named graph, so reloading a source replaces it; every load is checked against the SHACL shapes and is one
 * transaction, so a refused or failed load leaves the store exactly as it was.
 *
 * <p>Thread-safe: reads run in read transactions side by side; writes are serialised by the dataset.
 */
public final class GraphStore implements AutoCloseable {
  private static final String META_GRAPH = "urn:cairn:graph:meta";
  private static final Node STORE = NodeFactory.createURI("urn:cairn:store");
  private static final Node VERSION = NodeFactory.createURI("https://w3id.org/cairn/ns#storeVersion");

  private final Dataset dataset;
  private final ShapeValidator validator;
  private final String description;

  private GraphStore(Dataset dataset, String description) {
    this.dataset = dataset;
    this.validator = ShapeValidator.cairn();
    this.description = description;
    Txn.executeWrite(dataset, () -> dataset.asDatasetGraph()
        .addGraph(NodeFactory.createURI(CairnOntology.ONTOLOGY_GRAPH), CairnOntology.ontology()));
  }

  /** A TDB2 store in {@code directory}, created if missing. */
  public static GraphStore onDisk(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create data directory " + directory, e);
    }
    return new GraphStore(TDB2Factory.connectDataset(directory.toString()), "TDB2 at " + directory.toAbsolutePath());
  }

  /** A transactional in-memory store, for tests and throwaway runs. */
  public static GraphStore inMemory() {
    return new GraphStore(DatasetFactory.createTxnMem(), "in-memory");
  }

  /** Where the data lives, for people. */
  public String description() {
    return description;
  }

  /**
   * Validates the sources together with what the store already holds (less the graphs they replace) and
   * writes them, each into its own named graph, in one transaction.
   *
   * @throws LoadRejectedException when the result would break a shape; nothing is written
   */
  public LoadReport load(List<RdfSource> sources) {
    return load(sources, List.of());
  }

  /**
   * Like {@link #load(List)}, and takes the {@code edits}' triples out of other stored graphs in the same
   * transaction (an import replacing resources that another source described). Warnings do not refuse.
   *
   * @throws LoadRejectedException when the result would break a shape; nothing is written
   */
  public LoadReport load(List<RdfSource> sources, List<GraphEdit> edits) {
    return Txn.calculateWrite(dataset, () -> {
      DatasetGraph dsg = dataset.asDatasetGraph();
      List<Violation> results = check(sources, edits);
      List<Violation> refusing = results.stream().filter(Violation::refuses).toList();
      if (!refusing.isEmpty()) {
        throw new LoadRejectedException(refusing);
      }
      for (GraphEdit edit : edits) {
        Node name = NodeFactory.createURI(edit.graphName());
        edit.remove().forEach(t -> dsg.delete(name, t.getSubject(), t.getPredicate(), t.getObject()));
      }
      long triples = 0;
      List<String> graphs = new ArrayList<>();
      for (RdfSource source : sources) {
        Node name = NodeFactory.createURI(source.graphName());
        dsg.removeGraph(name);
        dsg.addGraph(name, source.graph());
        triples += source.graph().size();
        graphs.add(source.graphName());
      }
      long version = bumpVersion(dsg);
      return new LoadReport(graphs, triples, version, results.stream().filter(v -> !v.refuses()).toList());
    });
  }

  /**
   * Replaces one named graph with what {@code writer} streams into it, in one write transaction: the old content
   * stays visible to readers until commit, and an exception from the writer, or a shape violation, aborts the
   * whole replacement so the store stays exactly as it was. For imports too large to parse into memory first.
   *
   * @param writer adds the new triples to the (emptied) graph it is given
   * @throws LoadRejectedException when the store with the new graph breaks a shape; nothing is written
   */
  public LoadReport replaceGraph(String graphName, java.util.function.Consumer<Graph> writer) {
    if (!graphName.startsWith(RdfSource.GRAPH_PREFIX)) {
      throw new IllegalArgumentException("source graph names start with " + RdfSource.GRAPH_PREFIX);
    }
    return Txn.calculateWrite(dataset, () -> {
      DatasetGraph dsg = dataset.asDatasetGraph();
      Node name = NodeFactory.createURI(graphName);
      dsg.removeGraph(name);
      Graph target = dsg.getGraph(name);
      writer.accept(target);
      List<Violation> violations = validator.validate(viewWith(List.of(), List.of())).stream()
          .filter(Violation::refuses).toList();
      if (!violations.isEmpty()) {
        throw new LoadRejectedException(violations);
      }
      long triples = target.size();
      return new LoadReport(List.of(graphName), triples, bumpVersion(dsg));
    });
  }

  /**
   * Removes loaded sources, in one transaction; refused (nothing removed) when what remains would break a shape,
   * for example credentials that still name the competencies of a removed source.
   */
  public long removeSources(List<String> graphNames) {
    return Txn.calculateWrite(dataset, () -> {
      DatasetGraph dsg = dataset.asDatasetGraph();
      for (String graphName : graphNames) {
        dsg.removeGraph(NodeFactory.createURI(graphName));
      }
      List<Violation> violations = validator.validate(viewWith(List.of(), List.of())).stream()
          .filter(Violation::refuses).toList();
      if (!violations.isEmpty()) {
        throw new LoadRejectedException(violations);
      }
      return bumpVersion(dsg);
    });
  }

  /** Triples in one named graph (0 when it does not exist), counted with a bound SPARQL query. */
  public long graphSize(String graphName) {
    return Txn.calculateRead(dataset, () -> {
      try (QueryExecution exec = QueryExecution.dataset(dataset).query(SparqlQueries.get("graph-size"))
          .substitution("graph", org.apache.jena.rdf.model.ResourceFactory.createResource(graphName)).build()) {
        return exec.execSelect().next().getLiteral("triples").getLong();
      }
    });
  }

  /** Triples with the given predicate in one named graph, counted with a bound SPARQL query. */
  public long countPredicate(String graphName, String predicateIri) {
    return Txn.calculateRead(dataset, () -> {
      try (QueryExecution exec = QueryExecution.dataset(dataset).query(SparqlQueries.get("predicate-count"))
          .substitution("graph", org.apache.jena.rdf.model.ResourceFactory.createResource(graphName))
          .substitution("predicate", org.apache.jena.rdf.model.ResourceFactory.createResource(predicateIri)).build()) {
        return exec.execSelect().next().getLiteral("triples").getLong();
      }
    });
  }

  /** The version and source files the store records for an imported dataset, if it holds one by that IRI. */
  public java.util.Optional<DatasetRecord> datasetRecord(String datasetIri) {
    return Txn.calculateRead(dataset, () -> {
      Model union = unionModel();
      try (QueryExecution exec = QueryExecution.model(union).query(SparqlQueries.get("dataset-files"))
          .substitution("dataset", union.createResource(datasetIri)).build()) {
        String version = null;
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        for (var rows = exec.execSelect(); rows.hasNext(); ) {
          var row = rows.next();
          version = row.getLiteral("version").getLexicalForm();
          if (row.contains("file")) {
            files.put(row.getLiteral("file").getLexicalForm(), row.getLiteral("sha256").getLexicalForm());
          }
        }
        return java.util.Optional.ofNullable(version).map(v -> new DatasetRecord(datasetIri, v, files));
      }
    });
  }

  /** What the shapes say of these sources against the current store, without writing anything. */
  public List<Violation> validate(List<RdfSource> sources) {
    return validate(sources, List.of());
  }

  /**
   * What the shapes say (violations and warnings) of these sources and edits against the current store, without
   * writing anything.
   */
  public List<Violation> validate(List<RdfSource> sources, List<GraphEdit> edits) {
    return Txn.calculateRead(dataset, () -> check(sources, edits));
  }

  /**
   * Runs {@code reader} over the union of every graph inside one read transaction; the graph must not escape
   * it. For importers that look up what the store already holds.
   */
  public <T> T readUnion(Function<Graph, T> reader) {
    return Txn.calculateRead(dataset, () -> reader.apply(dataset.asDatasetGraph().getUnionGraph()));
  }

  /**
   * The triples each loaded source graph (other than {@code except}) holds about the given subjects, with the
   * blank nodes they own: what an import must take out of other sources to replace those resources.
   */
  public List<GraphEdit> describedElsewhere(java.util.Collection<Node> subjects, Set<String> except) {
    return Txn.calculateRead(dataset, () -> {
      List<GraphEdit> edits = new ArrayList<>();
      DatasetGraph dsg = dataset.asDatasetGraph();
      for (Node name : sourceGraphs()) {
        if (except.contains(name.getURI())) {
          continue;
        }
        Graph graph = dsg.getGraph(name);
        List<org.apache.jena.graph.Triple> triples = new ArrayList<>();
        for (Node subject : subjects) {
          collectOwned(graph, subject, triples, new HashSet<>());
        }
        if (!triples.isEmpty()) {
          edits.add(new GraphEdit(name.getURI(), triples));
        }
      }
      return edits;
    });
  }

  private static void collectOwned(Graph graph, Node subject, List<org.apache.jena.graph.Triple> out, Set<Node> seen) {
    if (!seen.add(subject)) {
      return;
    }
    graph.find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> {
      out.add(t);
      if (t.getObject().isBlank()) {
        collectOwned(graph, t.getObject(), out, seen);
      }
    });
  }

  /** Increases on every committed change; snapshots and caches key on it. */
  public long version() {
    return Txn.calculateRead(dataset, () -> readVersion(dataset.asDatasetGraph()));
  }

  /** True when no source has been loaded yet. */
  public boolean hasNoSources() {
    return Txn.calculateRead(dataset, () -> sourceGraphs().isEmpty());
  }

  /** Names of the loaded sources' graphs. */
  public List<String> sources() {
    return Txn.calculateRead(dataset, () -> sourceGraphs().stream().map(Node::getURI).sorted().toList());
  }

  /** The triples about one entity (and the blank nodes it owns) as Turtle, from a bound SPARQL query. */
  public String describe(String iri) {
    return Txn.calculateRead(dataset, () -> {
      Model union = unionModel();
      try (QueryExecution exec = QueryExecution.model(union)
          .query(SparqlQueries.get("describe-entity"))
          .substitution("entity", union.createResource(iri))
          .build()) {
        Model result = exec.execConstruct();
        result.setNsPrefixes(Prefixes.COMMON);
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, result, Lang.TURTLE);
        return out.toString();
      }
    });
  }

  /** Runs {@code reader} with queries over the union of all graphs, inside one read transaction. */
  <T> T query(Function<Sparql, T> reader) {
    return Txn.calculateRead(dataset, () -> reader.apply(unionSparql()));
  }

  private Sparql unionSparql() {
    if (org.apache.jena.tdb2.sys.TDBInternal.isTDB2(dataset.asDatasetGraph())) {
      return q -> QueryExecution.dataset(dataset).query(q)
          .set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true).build();
    }
    Model union = unionModel();
    return q -> QueryExecution.model(union).query(q).build();
  }

  @Override
  public void close() {
    dataset.close();
  }

  private Model unionModel() {
    return ModelFactory.createModelForGraph(dataset.asDatasetGraph().getUnionGraph());
  }

  private Graph viewWith(List<RdfSource> sources, List<GraphEdit> edits) {
    DatasetGraph dsg = dataset.asDatasetGraph();
    if (sources.isEmpty() && edits.isEmpty()) {
      // nothing is swapped in from memory, so the store's own union graph is the whole view: one index lookup per
      // pattern rather than one per named graph; the meta graph it includes holds only the store version, which
      // no shape targets
      return dsg.getUnionGraph();
    }
    Set<String> replaced = new HashSet<>();
    sources.forEach(s -> replaced.add(s.graphName()));
    java.util.Map<String, Graph> removals = new java.util.HashMap<>();
    for (GraphEdit edit : edits) {
      Graph removed = removals.computeIfAbsent(edit.graphName(), k -> GraphFactory.createDefaultGraph());
      edit.remove().forEach(removed::add);
    }
    MultiUnion union = new MultiUnion();
    for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
      Node name = it.next();
      if (!replaced.contains(name.getURI()) && !name.getURI().equals(META_GRAPH)) {
        Graph removed = removals.get(name.getURI());
        union.addGraph(removed == null ? dsg.getGraph(name) : new Difference(dsg.getGraph(name), removed));
      }
    }
    sources.forEach(s -> union.addGraph(s.graph()));
    return union;
  }

  /**
   * The shapes against the store as it would be with the sources. New graphs only add triples, so only the nodes
   * they add to or point at need checking; a replacement may take away what other data relies on, so it checks
   * everything.
   */
  private List<Violation> check(List<RdfSource> sources, List<GraphEdit> edits) {
    DatasetGraph dsg = dataset.asDatasetGraph();
    boolean onlyAdds = edits.isEmpty()
        && sources.stream().noneMatch(s -> dsg.containsGraph(NodeFactory.createURI(s.graphName())));
    Graph view = viewWith(sources, edits);
    return onlyAdds ? validator.validate(view, validator.focusNodes(sources.stream().map(RdfSource::graph).toList()))
        : validator.validate(view);
  }

  private List<Node> sourceGraphs() {
    List<Node> names = new ArrayList<>();
    dataset.asDatasetGraph().listGraphNodes().forEachRemaining(n -> {
      if (n.isURI() && n.getURI().startsWith(RdfSource.GRAPH_PREFIX)) {
        names.add(n);
      }
    });
    return names;
  }

  private static long readVersion(DatasetGraph dsg) {
    Graph meta = dsg.getGraph(NodeFactory.createURI(META_GRAPH));
    var it = meta.find(STORE, VERSION, Node.ANY);
    try {
      return it.hasNext() ? ((Number) it.next().getObject().getLiteralValue()).longValue() : 0L;
    } finally {
      it.close();
    }
  }

  private static long bumpVersion(DatasetGraph dsg) {
    long next = readVersion(dsg) + 1;
    Node name = NodeFactory.createURI(META_GRAPH);
    dsg.deleteAny(name, STORE, VERSION, Node.ANY);
    dsg.add(name, STORE, VERSION, NodeFactory.createLiteralDT(Long.toString(next),
        org.apache.jena.datatypes.xsd.XSDDatatype.XSDlong));
    return next;
  }
}
