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
    return load(sources, GraphStore.LoadMode.ADD_OR_RELOAD);
  }

  /** Loads the sources as {@link GraphStore#load(List, GraphStore.LoadMode)} does and swaps the snapshot. */
  public synchronized LoadReport load(List<RdfSource> sources, GraphStore.LoadMode mode) {
    LoadReport report = store.load(sources, mode);
    refresh();
    return report;
  }

  /**
   * Replaces one source graph by streaming into it and loads {@code alongside} in the same transaction (see
   * {@link GraphStore#replaceGraph}), then swaps the snapshot.
   */
  public synchronized LoadReport replaceGraph(String graphName, String origin,
      java.util.function.Consumer<org.apache.jena.graph.Graph> writer, List<RdfSource> alongside) {
    LoadReport report = store.replaceGraph(graphName, origin, writer, alongside);
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
