package io.cairn.graph;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Cairn's triple store: one Jena {@link Dataset}, TDB2 on disk or in memory. Each loaded source lives in its own
 * named graph (see {@link RdfSource} for a source's identity); every load is checked against the SHACL shapes and
 * is one transaction, so a refused or failed load leaves the store exactly as it was.
 *
 * <p>A store opened {@linkplain #onDiskReadOnly read-only} writes nothing: not even the ontology, and every
 * write method refuses.
 *
 * <p>Thread-safe: reads run in read transactions side by side; writes are serialised by the dataset.
 */
public final class GraphStore implements AutoCloseable {
  private static final Pattern TDB2_DATA = Pattern.compile("Data-\\d{4}");

  /** Which graphs a load may replace. */
  public enum LoadMode {
    /** Add new graphs, or reload a graph its own origin (the same file) filled before; refuse any other. */
    ADD_OR_RELOAD,
    /** Also replace graphs that other sources filled: what an operator asks for explicitly. */
    REPLACE
  }

  private final Dataset dataset;
  private final LoadCheck checks;
  private final String description;
  private final boolean readOnly;
  private final RemoteStore remote;
  private final Path directory;

  private GraphStore(Dataset dataset, String description, boolean readOnly, Path directory) {
    this(dataset, description, readOnly, null, directory);
  }

  private GraphStore(Dataset dataset, String description, boolean readOnly, RemoteStore remote, Path directory) {
    this.dataset = dataset;
    this.directory = directory;
    this.checks = new LoadCheck(ShapeValidator.cairn());
    this.description = description;
    this.readOnly = readOnly;
    this.remote = remote;
    CrashPoints.watchCommits(dataset.asDatasetGraph());
    if (!readOnly && remote == null) {
      storeOntologyIfChanged();
    }
  }

  /** A TDB2 store in {@code directory}, created if missing. */
  public static GraphStore onDisk(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create data directory " + directory, e);
    }
    return new GraphStore(TDB2Factory.connectDataset(directory.toString()), "TDB2 at " + directory.toAbsolutePath(),
        false, directory);
  }

  /**
   * The TDB2 store in {@code directory}, for reading only: nothing is written to it (TDB2 takes its process lock,
   * and replays a commit that a crash interrupted, as any open does), and the write methods refuse.
   *
   * @throws IllegalArgumentException when {@code directory} holds no TDB2 store (see {@link #holdsStore})
   */
  public static GraphStore onDiskReadOnly(Path directory) {
    if (!holdsStore(directory)) {
      throw new IllegalArgumentException("no Cairn store in " + directory.toAbsolutePath());
    }
    return new GraphStore(TDB2Factory.connectDataset(directory.toString()),
        "TDB2 at " + directory.toAbsolutePath() + " (read-only)", true, directory);
  }

  /** True when {@code directory} holds a TDB2 database (opening anything else would create one). */
  public static boolean holdsStore(Path directory) {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (var entries = Files.list(directory)) {
      return entries.anyMatch(p -> Files.isDirectory(p) && TDB2_DATA.matcher(p.getFileName().toString()).matches());
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /**
   * An in-memory mirror of the shared store {@code remote} (see {@link StoreMirror}): read from it now and on
   * {@link #resync()}; every write is validated here and committed there first, in one request guarded by the
   * version, then here.
   *
   * @throws StoreUnavailableException when the store cannot be read
   */
  public static GraphStore mirrorOf(RemoteStore remote) {
    GraphStore store = new GraphStore(DatasetFactory.createTxnMem(), "Fuseki at " + remote.url(), false, remote, null);
    store.resync();
    return store;
  }

  /** The shared store this one mirrors, if it is a mirror. */
  public java.util.Optional<RemoteStore> remote() {
    return java.util.Optional.ofNullable(remote);
  }

  /**
   * Reads the shared store again when its version moved from this mirror's, and replaces the mirror's contents in
   * one write transaction (readers see the old contents or the new). Returns true when it did.
   *
   * @throws StoreUnavailableException when the store cannot be read; the mirror is as it was
   */
  public boolean resync() {
    if (remote == null) {
      throw new IllegalStateException("the store " + description + " mirrors no shared store");
    }
    DatasetGraph fetched = remote.fetch();
    if (StoreLedger.version(fetched) == version() && !hasNoSources()) {
      return false;
    }
    Txn.executeWrite(dataset, () -> StoreMirror.replaceContents(dataset.asDatasetGraph(), fetched));
    return true;
  }

  /** A transactional in-memory store, for tests and throwaway runs. */
  public static GraphStore inMemory() {
    return new GraphStore(DatasetFactory.createTxnMem(), "in-memory", false, (Path) null);
  }

  /** The TDB2 directory the store lives in; empty in memory and for a mirror of a shared store. */
  public java.util.Optional<Path> directory() {
    return java.util.Optional.ofNullable(directory);
  }

  /** Where the data lives, for people. */
  public String description() {
    return description;
  }

  /** True when opened read-only: the write methods refuse. */
  public boolean readOnly() {
    return readOnly;
  }

  /** {@link #load(List, LoadMode)} that replaces no other source's graph. */
  public LoadReport load(List<RdfSource> sources) {
    return load(sources, LoadMode.ADD_OR_RELOAD);
  }

  /**
   * Validates the sources together with what the store already holds (less the graphs they replace) and
   * writes them, each into its own named graph, in one transaction.
   *
   * @throws SourceConflictException when a source would replace another source's graph and {@code mode} does
   *     not allow it; nothing is written
   * @throws LoadRejectedException when the result would break a shape; nothing is written
   */
  public LoadReport load(List<RdfSource> sources, LoadMode mode) {
    return load(sources, mode, List.of());
  }

  /**
   * Like {@link #load(List, LoadMode)}, and takes the {@code edits}' triples out of other stored graphs in the same
   * transaction (an import replacing resources that another source described; each edited graph is reported as
   * {@link SourceChange.Kind#EDITED}). Warnings do not refuse; the report carries those about the sources' nodes.
   *
   * @throws SourceConflictException when a source would replace another source's graph and {@code mode} does
   *     not allow it; nothing is written
   * @throws LoadRejectedException when the result would break a shape; nothing is written
   */
  public LoadReport load(List<RdfSource> sources, LoadMode mode, List<GraphEdit> edits) {
    requireWritable();
    return Txn.calculateWrite(dataset, () -> {
      DatasetGraph dsg = dataset.asDatasetGraph();
      List<SourceChange> changes = new ArrayList<>(StoreLedger.plan(dsg, sources, mode));
      changes.addAll(StoreLedger.edits(dsg, edits));
      CrashPoints.reach("validate");
      for (GraphEdit edit : edits) {
        Node name = NodeFactory.createURI(edit.graphName());
        edit.remove().forEach(t -> dsg.delete(name, t.getSubject(), t.getPredicate(), t.getObject()));
      }
      SourceWrite write = SourceWrite.prepare(dsg, sources);
      // checked on a thread of its own, in a read transaction (the store as committed, with the sources and edits
      // applied in memory), while this thread writes the indexes: a refusal then aborts writes no reader saw
      SideTask<List<Violation>> checked = SideTask.start("cairn-load-check",
          () -> Txn.calculateRead(dataset, () -> checks.check(dataset.asDatasetGraph(), sources, edits)));
      CrashPoints.reach("write");
      write.apply();
      List<Violation> results = checked.join();
      List<Violation> refusing = results.stream().filter(Violation::refuses).toList();
      if (!refusing.isEmpty()) {
        throw new LoadRejectedException(refusing);
      }
      long version = StoreLedger.bumpVersion(dsg);
      publish(dsg, version, StoreMirror.graphs(sources.stream().map(RdfSource::graphName),
          edits.stream().map(GraphEdit::graphName)));
      CrashPoints.reach("commit");
      return new LoadReport(changes, version, LoadCheck.warningsAbout(sources, results));
    });
  }

  /**
   * What {@link #load(List, LoadMode)} would do to each graph, without writing: the same identity rules.
   *
   * @throws SourceConflictException when the load would be refused for replacing another source's graph
   */
  public List<SourceChange> plan(List<RdfSource> sources, LoadMode mode) {
    return Txn.calculateRead(dataset, () -> StoreLedger.plan(dataset.asDatasetGraph(), sources, mode));
  }

  /**
   * Replaces one named graph with what {@code writer} streams into it, and loads {@code alongside} (by the rules
   * of {@link LoadMode#ADD_OR_RELOAD}), in one write transaction: the old content stays visible to readers until
   * commit, and an exception from the writer, a conflict or a shape violation aborts the whole of it, so the
   * store stays exactly as it was. The writer runs on a thread of its own while this one writes what it gives
   * (see {@link ImportPipeline}), and the new graph is checked from an in-memory copy, so it must fit in memory.
   *
   * @param origin where the streamed triples come from, recorded with the graph
   * @param writer adds the new triples to the (emptied) graph it is given
   * @throws LoadRejectedException when the store with the new graphs breaks a shape; nothing is written
   */
  public LoadReport replaceGraph(String graphName, String origin, Consumer<Graph> writer, List<RdfSource> alongside) {
    return replaceGraph(graphName, origin, writer, alongside, null);
  }

  /**
   * {@link #replaceGraph(String, String, Consumer, List)}, and, when the new graphs and the ontology will be all
   * the store holds, {@code whileWriting} is given that whole store as an in-memory view and the version the
   * commit will give it, before the commit and while this thread still writes (a fresh import's snapshot is
   * compiled there). It is not called when the write is refused, and what it throws is dropped: it is work done
   * ahead, which the caller does again after the commit if it is missing.
   */
  LoadReport replaceGraph(String graphName, String origin, Consumer<Graph> writer, List<RdfSource> alongside,
      java.util.function.ObjLongConsumer<Sparql> whileWriting) {
    if (!graphName.startsWith(RdfSource.GRAPH_PREFIX)) {
      throw new IllegalArgumentException("source graph names start with " + RdfSource.GRAPH_PREFIX);
    }
    requireWritable();
    return Txn.calculateWrite(dataset, () -> {
      DatasetGraph dsg = dataset.asDatasetGraph();
      List<SourceChange> changes = new ArrayList<>();
      changes.add(StoreLedger.change(dsg, graphName, origin, 0, LoadMode.REPLACE));
      changes.addAll(StoreLedger.plan(dsg, alongside, LoadMode.ADD_OR_RELOAD));
      Node name = NodeFactory.createURI(graphName);
      dsg.removeGraph(name);
      // the new graph is checked from its in-memory copy, in a read transaction of its own (the store as
      // committed, with the new graphs swapped in), on the writer's thread while this one still writes; a mirror
      // does no work ahead (its ontology graph is the shared store's, not necessarily this build's)
      try (ImportPipeline<List<Violation>> pipeline = new ImportPipeline<>(writer,
          new ReplacementCheck(dataset, checks, graphName, origin, alongside, remote == null ? whileWriting : null))) {
        long triples = pipeline.drainInto(TdbQuadWriter.canWrite(dsg) ? new TdbQuadWriter(dsg).into(name)
            : dsg.getGraph(name)::add);
        changes.set(0, changes.getFirst().withTriples(triples));
        StoreLedger.recordOrigin(dsg, graphName, origin);
        if (!alongside.isEmpty()) {
          CrashPoints.reach("write alongside");
          write(dsg, alongside);
        }
        CrashPoints.reach("validate");
        List<Violation> violations = pipeline.checked();
        if (!violations.isEmpty()) {
          throw new LoadRejectedException(violations);
        }
      }
      long version = StoreLedger.bumpVersion(dsg);
      publish(dsg, version, StoreMirror.graphs(java.util.stream.Stream.of(graphName),
          alongside.stream().map(RdfSource::graphName)));
      CrashPoints.reach("commit");
      return new LoadReport(changes, version);
    });
  }

  /**
   * Removes loaded sources, in one transaction; refused (nothing removed) when what remains would break a shape,
   * for example credentials that still name the competencies of a removed source.
   */
  public long removeSources(List<String> graphNames) {
    requireWritable();
    return Txn.calculateWrite(dataset, () -> {
      DatasetGraph dsg = dataset.asDatasetGraph();
      for (String graphName : graphNames) {
        dsg.removeGraph(NodeFactory.createURI(graphName));
        StoreLedger.forget(dsg, graphName);
      }
      List<Violation> violations = checks.refusalsOfWhole(dsg);
      if (!violations.isEmpty()) {
        throw new LoadRejectedException(violations);
      }
      long version = StoreLedger.bumpVersion(dsg);
      publish(dsg, version, StoreMirror.graphs(graphNames.stream(), java.util.stream.Stream.empty()));
      return version;
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
    return Txn.calculateRead(dataset, () -> checks.check(dataset.asDatasetGraph(), sources, edits));
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
      for (Node name : sourceGraphs()) {
        if (!except.contains(name.getURI())) {
          GraphEdit.describing(name.getURI(), dataset.asDatasetGraph().getGraph(name), subjects).ifPresent(edits::add);
        }
      }
      return edits;
    });
  }

  /** Increases on every committed change; snapshots and caches key on it. */
  public long version() {
    return Txn.calculateRead(dataset, () -> StoreLedger.version(dataset.asDatasetGraph()));
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

  /** Runs {@code reader} over the dataset itself, inside one read transaction (for tests that compare stores). */
  <T> T readDataset(Function<DatasetGraph, T> reader) {
    return Txn.calculateRead(dataset, () -> reader.apply(dataset.asDatasetGraph()));
  }

  private Sparql unionSparql() {
    if (TDBInternal.isTDB2(dataset.asDatasetGraph())) {
      return q -> QueryExecution.dataset(dataset).query(q)
          .set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true).build();
    }
    Model union = unionModel();
    return q -> QueryExecution.model(union).query(q).build();
  }

  /**
   * Closes the dataset; a TDB2 store also gives up its directory (its files and process lock), so another
   * process, or this one, can open it again.
   */
  @Override
  public void close() {
    DatasetGraph dsg = dataset.asDatasetGraph();
    dataset.close();
    if (TDBInternal.isTDB2(dsg)) {
      try {
        TDBInternal.expel(dsg);
      } catch (org.apache.jena.dboe.transaction.txn.TransactionException e) {
        // a transaction is still open on another thread: the directory stays held until this process ends
      }
    }
  }

  /** A mirror's write goes to the shared store before the mirror commits it; a refusal there aborts it here. */
  private void publish(DatasetGraph dsg, long version, List<String> graphs) {
    if (remote != null) {
      StoreMirror.publish(remote, dsg, version - 1, graphs);
    }
  }

  private void requireWritable() {
    if (readOnly) {
      throw new IllegalStateException("the store " + description + " was opened read-only");
    }
  }

  /** Writes the ontology graph when it is missing or differs from this build's, so opening writes nothing else. */
  private void storeOntologyIfChanged() {
    Node name = NodeFactory.createURI(CairnOntology.ONTOLOGY_GRAPH);
    Graph current = CairnOntology.ontology();
    boolean same = Txn.calculateRead(dataset, () -> dataset.asDatasetGraph().getGraph(name).isIsomorphicWith(current));
    if (!same) {
      Txn.executeWrite(dataset, () -> {
        DatasetGraph dsg = dataset.asDatasetGraph();
        dsg.removeGraph(name);
        dsg.addGraph(name, current);
      });
    }
  }

  private static void write(DatasetGraph dsg, List<RdfSource> sources) {
    SourceWrite.prepare(dsg, sources).apply();
  }

  private Model unionModel() {
    return ModelFactory.createModelForGraph(dataset.asDatasetGraph().getUnionGraph());
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
}
