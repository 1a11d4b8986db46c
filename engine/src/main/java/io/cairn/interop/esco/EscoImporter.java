package io.cairn.interop.esco;

import io.cairn.graph.CrashPoints;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.LoadReport;
import io.cairn.graph.RdfSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;

/**
 * Imports the ESCO classification from the official CSV download (zip archives or unpacked folders) into its
 * own named graph, streaming row by row. The whole import is one transaction, together with any sources loaded
 * alongside (the sample, into an empty store): a re-import replaces the ESCO graph atomically, and a malformed
 * row (unless skipped), a shape violation or an interruption leaves the store exactly as it was.
 */
public final class EscoImporter {
  /** The named graph ESCO lives in. */
  public static final String GRAPH = RdfSource.GRAPH_PREFIX + "esco";
  /** The node the import describes the dataset with (version, source files and checksums). */
  public static final String DATASET = EscoProvenance.DATASET;
  /** The origin recorded with the ESCO graph. */
  public static final String ORIGIN = "cairn import esco";
  private static final int KEPT_REASONS = 50;

  private final Clock clock;

  public EscoImporter(Clock clock) {
    this.clock = clock;
  }

  /**
   * How to import.
   *
   * @param skipMalformed report malformed rows and go on, instead of stopping at the first
   * @param version the ESCO version to record; when empty, taken from the archive names ({@code v1.1.1})
   * @param language language tag of the labels (ESCO's {@code _en} files are English)
   */
  public record Options(boolean skipMalformed, String version, String language) {
    public static Options defaults() {
      return new Options(false, "", "en");
    }
  }

  /** Imports the download at {@code paths} into the catalog's store and refreshes its snapshot. */
  public EscoImportReport importInto(LiveCatalog catalog, List<Path> paths, Options options, ImportProgress progress) {
    return importInto(catalog, paths, options, progress, List.of());
  }

  /**
   * Imports the download at {@code paths} and loads {@code alongside} (the sample, say, whose skills are ESCO's)
   * in the same transaction, then refreshes the snapshot: an interruption leaves neither, never one without the
   * other.
   */
  public EscoImportReport importInto(LiveCatalog catalog, List<Path> paths, Options options, ImportProgress progress,
      List<RdfSource> alongside) {
    Instant start = clock.instant();
    CrashPoints.reach("open the download");
    try (EscoDownload download = EscoDownload.open(paths)) {
      String version = !options.version().isBlank() ? options.version() : download.version().orElse("unknown");
      Map<String, Long> rows = new LinkedHashMap<>();
      List<String> skipped = new ArrayList<>();
      long[] skippedCount = {0};
      LoadReport load = catalog.replaceGraph(GRAPH, ORIGIN, graph -> {
        EscoTriples triples = new EscoTriples(graph, options.language());
        for (EscoFile file : EscoFile.values()) {
          if (!download.has(file)) {
            continue;
          }
          String name = download.displayName(file);
          String shortName = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('!')) + 1);
          CrashPoints.reach("parse and write " + shortName);
          try (Reader reader = download.open(file)) {
            long read = EscoRows.read(reader, shortName, file.columns(), row -> triples.write(file, row), e -> {
              if (!options.skipMalformed()) {
                throw e;
              }
              skippedCount[0]++;
              if (skipped.size() < KEPT_REASONS) {
                skipped.add(e.getMessage());
              }
            }, n -> progress.rows(shortName, n, false));
            rows.put(shortName, read);
            progress.rows(shortName, read, true);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
          }
        }
        progress.committing();
        CrashPoints.reach("write provenance");
        new EscoProvenance(graph).write(version, download.inputs(), rows, skippedCount[0], clock.instant());
      }, alongside);
      return new EscoImportReport(version, rows, load.changes().getFirst().triples(), skippedCount[0], skipped,
          load.storeVersion(), Duration.between(start, clock.instant()), load.changes());
    }
  }

}
