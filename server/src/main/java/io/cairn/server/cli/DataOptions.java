package io.cairn.server.cli;

import io.cairn.Cairn;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.PersistedSnapshot;
import io.cairn.graph.RemoteStore;
import io.cairn.graph.SampleData;
import io.cairn.graph.StoreUnavailableException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the store lives: a TDB2 directory (default {@code ./data}, or $CAIRN_DATA) or memory. Commands that write
 * open it for writing (creating it and loading the sample when empty); commands that only read open it
 * read-only and write nothing, not even a missing directory: with no store on disk they read the embedded sample
 * in memory.
 */
final class DataOptions {
  @Option(names = "--data", paramLabel = "DIR",
      description = "TDB2 data directory (default: $CAIRN_DATA or ./data); commands that write create it and load"
          + " the sample when empty, commands that only read never write to it")
  Path data;

  @Option(names = "--store", paramLabel = "URL",
      description = "A cluster's shared store (from 'cairn store'), e.g. http://127.0.0.1:3030/cairn, instead of"
          + " --data: read from it, and written to it in one transaction per write")
  String store;

  @Option(names = "--in-memory", description = "Use an in-memory store loaded with the sample instead of --data")
  boolean inMemory;

  @Option(names = "--snapshot-dir", paramLabel = "DIR",
      description = "Where the compiled catalog is kept between starts, so that a start over an unchanged store"
          + " loads it instead of compiling it (default: $CAIRN_SNAPSHOT_DIR, or inside the --data directory)")
  Path snapshotCache;

  @Option(names = "--no-snapshot-cache", description = "Compile the catalog from the store at every start and keep"
      + " no copy of it")
  boolean noSnapshotCache;

  Path directory() {
    if (data != null) {
      return data;
    }
    String env = System.getenv("CAIRN_DATA");
    return Path.of(env == null || env.isBlank() ? "data" : env);
  }

  /** The store, for writing: the directory is created if missing. */
  GraphStore openStore() {
    if (store != null) {
      return openShared();
    }
    if (inMemory) {
      return GraphStore.inMemory();
    }
    try {
      return GraphStore.onDisk(directory());
    } catch (RuntimeException e) {
      throw cannotOpen(e);
    }
  }

  /**
   * The store, for reading only: nothing is written to the directory. With no store there (or {@code --in-memory}),
   * the embedded sample in memory.
   */
  GraphStore openStoreForReading() {
    if (store != null) {
      return openShared();
    }
    if (nothingOnDisk()) {
      GraphStore store = GraphStore.inMemory();
      store.load(SampleData.sources());
      if (!inMemory) {
        System.err.println("No store in " + directory().toAbsolutePath() + "; reading the embedded sample in memory");
      }
      return store;
    }
    try {
      return GraphStore.onDiskReadOnly(directory());
    } catch (RuntimeException e) {
      throw cannotOpen(e);
    }
  }

  /** Opens the store for writing and its catalog, loading the embedded sample first if the store is empty. */
  LiveCatalog openCatalog() {
    LiveCatalog catalog = catalogOver(openStore());
    if (catalog.loadSampleIfEmpty()) {
      System.err.println("Loaded the embedded sample into " + catalog.store().description());
    }
    return catalog;
  }

  /** The catalog over {@link #openStoreForReading()}: for commands that only read. */
  LiveCatalog openCatalogForReading() {
    return catalogOver(openStoreForReading());
  }

  private LiveCatalog catalogOver(GraphStore opened) {
    return persisted(opened).map(p -> new LiveCatalog(opened, p)).orElseGet(() -> new LiveCatalog(opened));
  }

  /**
   * Where the compiled catalog of a store on disk is kept between starts: written by commands that write the
   * store, only read by those that read it. None for a store in memory or a cluster's shared store, or when asked.
   */
  private java.util.Optional<PersistedSnapshot> persisted(GraphStore opened) {
    if (noSnapshotCache || opened.directory().isEmpty()) {
      return java.util.Optional.empty();
    }
    String env = System.getenv("CAIRN_SNAPSHOT_DIR");
    Path cache = snapshotCache != null ? snapshotCache : env == null || env.isBlank() ? null : Path.of(env);
    Path file = PersistedSnapshot.fileFor(opened.directory().get(), cache);
    return java.util.Optional.of(opened.readOnly() ? PersistedSnapshot.readOnlyAt(file) : PersistedSnapshot.at(file));
  }

  /** {@link #openCatalogForReading()} wrapped in the engine. */
  Cairn openCairnForReading() {
    return Cairn.over(openCatalogForReading());
  }

  /**
   * {@link #openCatalogForReading()} wrapped in the engine, scoring with the skill-value model {@code model}
   * (or null).
   */
  Cairn openCairnForReading(io.cairn.labor.model.SkillValueModel model) {
    return model == null ? openCairnForReading() : Cairn.over(openCatalogForReading(), model);
  }

  /** {@link #openCatalog()} wrapped in the engine, scoring with the skill-value model {@code model} (or null). */
  Cairn openCairn(io.cairn.labor.model.SkillValueModel model) {
    return model == null ? Cairn.over(openCatalog()) : Cairn.over(openCatalog(), model);
  }

  /** True when there is no store on disk (or memory was asked for): nothing on disk to read. */
  boolean nothingOnDisk() {
    return inMemory || !GraphStore.holdsStore(directory());
  }

  /** True when the data lives in a cluster's shared store. */
  boolean shared() {
    return store != null;
  }

  private GraphStore openShared() {
    if (inMemory || data != null) {
      throw new CliException("--store names where the data lives; leave out --data and --in-memory");
    }
    try {
      return GraphStore.mirrorOf(new RemoteStore(store));
    } catch (IllegalArgumentException | StoreUnavailableException e) {
      throw new CliException(e.getMessage() + "; start it with 'cairn store --data DIR' or pass another --store URL");
    }
  }

  private CliException cannotOpen(RuntimeException e) {
    return new CliException("cannot open the data directory " + directory().toAbsolutePath()
        + " (is another Cairn process using it? stop it, or pass --data DIR or --in-memory): " + e.getMessage());
  }
}
