package io.cairn.server.cli;

import io.cairn.Cairn;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the store lives: a TDB2 directory (default {@code ./data}, or $CAIRN_DATA) or memory. */
final class DataOptions {
  @Option(names = "--data", paramLabel = "DIR",
      description = "TDB2 data directory, created and loaded with the sample when empty (default: $CAIRN_DATA or ./data)")
  Path data;

  @Option(names = "--in-memory", description = "Use an in-memory store loaded with the sample instead of --data")
  boolean inMemory;

  Path directory() {
    if (data != null) {
      return data;
    }
    String env = System.getenv("CAIRN_DATA");
    return Path.of(env == null || env.isBlank() ? "data" : env);
  }

  GraphStore openStore() {
    if (inMemory) {
      return GraphStore.inMemory();
    }
    try {
      return GraphStore.onDisk(directory());
    } catch (RuntimeException e) {
      throw new CliException("cannot open the data directory " + directory().toAbsolutePath()
          + " (is another Cairn process using it? stop it, or pass --data DIR or --in-memory): " + e.getMessage());
    }
  }

  /** Opens the store and its catalog, loading the embedded sample first if the store is empty. */
  LiveCatalog openCatalog() {
    LiveCatalog catalog = new LiveCatalog(openStore());
    if (catalog.loadSampleIfEmpty()) {
      System.err.println("Loaded the embedded sample into " + catalog.store().description());
    }
    return catalog;
  }

  /** {@link #openCatalog()} wrapped in the engine. */
  Cairn openCairn() {
    return Cairn.over(openCatalog());
  }

  /** {@link #openCatalog()} wrapped in the engine, scoring with the skill-value model {@code model} (or null). */
  Cairn openCairn(io.cairn.labor.model.SkillValueModel model) {
    return model == null ? openCairn() : Cairn.over(openCatalog(), model);
  }

  /** True when there is no data directory yet (or memory was asked for): nothing on disk to check against. */
  boolean nothingOnDisk() {
    return inMemory || !java.nio.file.Files.isDirectory(directory());
  }
}
