package io.cairn.interop;

import io.cairn.Standards;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Test helpers: the standards' files from {@code ../shared/standards}, and catalogs to import into. */
public final class StandardsFixture {
  /** A fixed clock, so provenance times are the same on every run. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
  private static Standards standards;

  private StandardsFixture() {}

  /** One instance for the whole test run: it caches parsed contexts and schemas. */
  public static synchronized Standards standards() {
    if (standards == null) {
      standards = Standards.fromSettings();
    }
    return standards;
  }

  /** A file of the shared standards folder, such as {@code ctdl/examples/HeriotWatt-pathway.ttl}. */
  public static Path file(String relative) {
    return standards().files().file(relative);
  }

  /** A file of the shared fixtures folder, such as {@code ob3/valid-...json}. */
  public static Path fixture(String relative) {
    return standards().files().root().resolveSibling("fixtures").resolve(relative);
  }

  /** An in-memory catalog holding the embedded sample. */
  public static LiveCatalog sample() {
    LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory());
    catalog.load(SampleData.sources());
    return catalog;
  }

  /** An in-memory catalog holding only the sample's ESCO part: its competencies and occupations. */
  public static LiveCatalog escoOnly() {
    LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory());
    catalog.load(SampleData.sources().subList(0, 2));
    return catalog;
  }

  /** Imports files of {@code format} into {@code catalog}. */
  public static ImportReport importFiles(LiveCatalog catalog, StandardFormat format, String... relative) {
    List<Path> paths = java.util.Arrays.stream(relative).map(r -> r.startsWith("fixtures/")
        ? fixture(r.substring("fixtures/".length())) : standards().files().root().resolve(r)).toList();
    return standards().importDocuments(catalog, format, Standards.read(format, paths), CLOCK,
        StandardsProgress.silent());
  }

  /** Imports documents given as text. */
  public static ImportReport importText(LiveCatalog catalog, StandardFormat format, String name, String text) {
    return standards().importDocuments(catalog, format,
        List.of(ImportSource.of(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8))), CLOCK,
        StandardsProgress.silent());
  }
}
