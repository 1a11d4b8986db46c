package io.cairn.bench;

import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.PersistedSnapshot;
import io.cairn.graph.RdfSource;
import io.cairn.interop.esco.EscoImporter;
import io.cairn.interop.esco.ImportProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.jena.riot.Lang;

/**
 * The benchmark's store without the import measurements: full ESCO plus the seeded generated catalog, in a TDB2
 * directory that can be kept and reused ({@code bin/bench --keep} leaves one; {@code --store DIR} reuses it), so
 * that a single step (the planner's evaluation) runs without importing ESCO again.
 */
final class BenchStore {
  private BenchStore() {}

  /** ESCO's two archives under the shared data. */
  static List<Path> escoArchives(Path shared) {
    Path esco = shared.resolve("datasets/esco-1.1.1");
    return List.of(esco.resolve("ESCO dataset - v1.1.1 - classification - en - csv.zip"),
        esco.resolve("ESCO dataset - v1.1.1 - classification -  - csv.zip"));
  }

  /**
   * Opens the store at {@code dir}; when it holds no generated credentials yet, imports ESCO (if missing) and loads
   * {@code credentials} generated ones with {@code seed} first.
   */
  static LiveCatalog open(Path dir, Path shared, long seed, int credentials) throws Exception {
    Files.createDirectories(dir);
    // the compiled snapshot kept beside the store, as every TDB2 command of Cairn's keeps it: a reused store
    // (a million credentials take minutes to compile) starts from the file when its key still fits the store
    LiveCatalog catalog = new LiveCatalog(GraphStore.onDisk(dir),
        PersistedSnapshot.at(PersistedSnapshot.fileFor(dir, null)));
    boolean generated = catalog.snapshot().credentials().stream().anyMatch(c -> c.id().startsWith("bench-"));
    if (generated) {
      Bench.progress("    reusing the store at %s (%,d credentials, %,d competencies)", dir,
          catalog.snapshot().credentials().size(), catalog.snapshot().competencies().size());
      return catalog;
    }
    if (catalog.snapshot().occupations().isEmpty()) {
      Bench.progress("    importing ESCO into %s (a couple of minutes)", dir);
      new EscoImporter(Clock.systemUTC()).importInto(catalog, escoArchives(shared), EscoImporter.Options.defaults(),
          ImportProgress.silent());
    }
    Bench.progress("    generating %,d credentials (seed %d) and loading them", credentials, seed);
    CredentialGenerator.Result result = new CredentialGenerator(seed).generate(catalog.snapshot(), credentials);
    catalog.store().load(List.of(RdfSource.fromText(CredentialGenerator.GRAPH_NAME, result.turtle(), Lang.TURTLE)));
    catalog.refresh();
    return catalog;
  }
}
