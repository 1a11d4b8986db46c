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
  private final PersistedSnapshot persisted;
  private final AtomicReference<CatalogSnapshot> current = new AtomicReference<>(CatalogSnapshot.empty());
  private StoreWatch watch;

  public LiveCatalog(GraphStore store) {
    this(store, Clock.systemUTC());
  }

  public LiveCatalog(GraphStore store, Clock clock) {
    this(store, clock, null);
  }

  /**
   * A catalog whose snapshot is kept in {@code persisted} between starts: loaded from it when it fits the store,
   * compiled (and written to it) when it does not, and written again after every change (see
   * {@link PersistedSnapshot}).
   */
  public LiveCatalog(GraphStore store, PersistedSnapshot persisted) {
    this(store, Clock.systemUTC(), persisted);
  }

  private LiveCatalog(GraphStore store, Clock clock, PersistedSnapshot persisted) {
    this.store = store;
    this.compiler = new SnapshotCompiler(clock);
    this.persisted = persisted;
    refresh();
  }

  /** The catalog as of the last load; never null. */
  public CatalogSnapshot snapshot() {
    return current.get();
  }

  public GraphStore store() {
    return store;
  }

  /**
   * Keeps this catalog in step with the shared store its store mirrors: a {@link StoreWatch} reads the store's
   * version every {@code interval} and, when it moved, reads the store again and swaps in a new snapshot.
   */
  public synchronized StoreWatch watch(java.time.Duration interval) {
    if (watch == null) {
      watch = StoreWatch.start(this, interval);
    }
    return watch;
  }

  /** The watch over the shared store, when this catalog follows one. */
  public java.util.Optional<StoreWatch> storeWatch() {
    return java.util.Optional.ofNullable(watch);
  }

  /**
   * Reads the shared store again if its version moved and swaps in the snapshot of what it holds; a reader sees
   * the old snapshot until the new one is whole.
   */
  public synchronized CatalogSnapshot follow() {
    store.resync();
    return refresh();
  }

  /** Loads the sources (validated, one transaction) and swaps in a snapshot that includes them. */
  public synchronized LoadReport load(List<RdfSource> sources) {
    return load(sources, GraphStore.LoadMode.ADD_OR_RELOAD);
  }

  /** Loads the sources as {@link GraphStore#load(List, GraphStore.LoadMode)} does and swaps the snapshot. */
  public synchronized LoadReport load(List<RdfSource> sources, GraphStore.LoadMode mode) {
    LoadReport report = retryingConflicts(() -> store.load(sources, mode));
    refresh();
    return report;
  }

  /**
   * Loads the sources and takes the edits' triples out of other sources, as
   * {@link GraphStore#load(List, GraphStore.LoadMode, List)} does, and swaps in a snapshot that includes them.
   */
  public synchronized LoadReport load(List<RdfSource> sources, GraphStore.LoadMode mode, List<GraphEdit> edits) {
    LoadReport report = retryingConflicts(() -> store.load(sources, mode, edits));
    refresh();
    return report;
  }

  /**
   * Replaces one source graph by streaming into it and loads {@code alongside} in the same transaction (see
   * {@link GraphStore#replaceGraph}), then swaps the snapshot.
   */
  public synchronized LoadReport replaceGraph(String graphName, String origin,
      java.util.function.Consumer<org.apache.jena.graph.Graph> writer, List<RdfSource> alongside) {
    // a fresh import's snapshot is compiled from the new graphs in memory while the store still writes them;
    // otherwise (or should it be missing) it is compiled from the store after the commit, as after any load
    AtomicReference<CatalogSnapshot> ahead = new AtomicReference<>();
    LoadReport report = retryingConflicts(() -> store.replaceGraph(graphName, origin, writer, alongside,
        (view, version) -> ahead.set(compiler.compile(view, version))));
    CatalogSnapshot compiled = ahead.get();
    if (compiled != null && compiled.version() == report.storeVersion() && store.version() == compiled.version()) {
      current.set(compiled);
      if (persisted != null) {
        persisted.keep(store, compiled);
      }
    } else {
      refresh();
    }
    return report;
  }

  /** Removes sources (see {@link GraphStore#removeSources}) and swaps in a snapshot without them. */
  public synchronized void removeSources(List<String> graphNames) {
    retryingConflicts(() -> store.removeSources(graphNames));
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
      snapshot = persisted == null ? compiler.compile(store) : persisted.loadOrCompile(store, compiler);
      current.set(snapshot);
    }
    return snapshot;
  }

  /**
   * Runs a write; when another writer moved the shared store first, reads the store again and runs it again
   * (validated anew against the new contents), a few times at most.
   */
  private <T> T retryingConflicts(java.util.function.Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (StoreConflictException e) {
        if (attempt == 3) {
          throw e;
        }
        store.resync();
      }
    }
  }

  @Override
  public void close() {
    if (watch != null) {
      watch.close();
    }
    store.close();
  }
}
