package io.cairn.interop.esco;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The real ESCO 1.1.1 download from {@code ../shared/datasets}, imported once per test JVM (it takes about
 * 20 s) and shared by the tests that need full ESCO. On CI the data must be there: a skipped test would hide
 * its absence, so a missing download fails there and only skips on a developer's machine.
 */
public final class FullEsco {
  private static LiveCatalog catalog;
  private static EscoImportReport report;

  private FullEsco() {}

  public static Path directory() {
    return Path.of(System.getProperty("cairn.shared", "../shared")).resolve("datasets/esco-1.1.1");
  }

  public static synchronized LiveCatalog catalog() {
    load();
    return catalog;
  }

  static synchronized EscoImportReport report() {
    load();
    return report;
  }

  private static void load() {
    if (catalog != null) {
      return;
    }
    Path dir = directory();
    if (!Files.isDirectory(dir)) {
      assertTrue(System.getenv("CI") == null, "CI run without the shared ESCO data at " + dir.toAbsolutePath());
      Assumptions.abort("no shared ESCO data at " + dir.toAbsolutePath());
    }
    LiveCatalog imported = new LiveCatalog(GraphStore.inMemory());
    report = new EscoImporter(Clock.systemUTC()).importInto(imported,
        List.of(dir.resolve("ESCO dataset - v1.1.1 - classification - en - csv.zip"),
            dir.resolve("ESCO dataset - v1.1.1 - classification -  - csv.zip")),
        EscoImporter.Options.defaults(), ImportProgress.silent());
    catalog = imported;
  }
}
