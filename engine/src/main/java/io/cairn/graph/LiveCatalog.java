package io.cairn.graph;

import io.cairn.catalog.CatalogSnapshot;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The store together with its current snapshot. Every load rebuilds the snapshot from the graph and swaps it
 * in atomically, so a reader sees either the old catalog or the new one, never a mix.
 */
public final class LiveCatalog implements AutoCloseable {
  private final GraphStore store;
  private final SnapshotCompiler compiler;
  private final AtomicReference<CatalogSnapshot> current = new AtomicReference<>(CatalogSnapshot.empty());

  public LiveCatalog(GraphStore store) {
    this(store, Clock.systemUTC());
  }

  public LiveCatalog(GraphStore store, Clock clock) {
    this.store = store;
    this.compiler = new SnapshotCompiler(clock);
    refresh();
  }

  /** The catalog as of the last load; never null. */
  public CatalogSnapshot snapshot() {
    return current.get();
  }

  public GraphStore store() {
    return store;
  }

  /** Loads the sources (validated, one transaction) and swaps in a snapshot that includes them. */
  public synchronized LoadReport load(List<RdfSource> sources) {
    LoadReport report = store.load(sources);
    refresh();
    return report;
  }

  /**
   * Loads the sources and takes the edits' triples out of other sources, validated and in one transaction, and
   * swaps in a snapshot that includes them (see {@link GraphStore#load(List, List)}).
   */
  public synchronized LoadReport load(List<RdfSource> sources, List<GraphEdit> edits) {
    LoadReport report = store.load(sources, edits);
    refresh();
    return report;
  }

  /** Replaces one source graph by streaming into it (see {@link GraphStore#replaceGraph}) and swaps the snapshot. */
  public synchronized LoadReport replaceGraph(String graphName, java.util.function.Consumer<org.apache.jena.graph.Graph> writer) {
    LoadReport report = store.replaceGraph(graphName, writer);
    refresh();
    return report;
  }

  /** Removes sources (see {@link GraphStore#removeSources}) and swaps in a snapshot without them. */
  public synchronized void removeSources(List<String> graphNames) {
    store.removeSources(graphNames);
    refresh();
  }

  /** Loads the embedded sample when the store holds no sources yet; returns true if it did. */
  public synchronized boolean loadSampleIfEmpty() {
    if (!store.hasNoSources()) {
      return false;
    }
    load(SampleData.sources());
    return true;
  }

  /** Recompiles the snapshot from the store if the store's version moved. */
  public synchronized CatalogSnapshot refresh() {
    long version = store.version();
    CatalogSnapshot snapshot = current.get();
    if (snapshot.version() != version || snapshot.builtAt().equals(java.time.Instant.EPOCH)) {
      snapshot = compiler.compile(store);
      current.set(snapshot);
    }
    return snapshot;
  }

  @Override
  public void close() {
    store.close();
  }
}
