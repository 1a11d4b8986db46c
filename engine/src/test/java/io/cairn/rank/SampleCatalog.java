package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;

/** The embedded sample compiled once for the rank tests (the real graph and snapshot compiler, in memory). */
public final class SampleCatalog {
  private static CatalogSnapshot snapshot;

  private SampleCatalog() {}

  public static synchronized CatalogSnapshot snapshot() {
    if (snapshot == null) {
      try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
        catalog.load(SampleData.sources());
        snapshot = catalog.snapshot();
      }
    }
    return snapshot;
  }
}
