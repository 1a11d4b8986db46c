package io.cairn.interop.esco;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an ESCO import did: rows per file (in import order), triples in the ESCO graph, rows skipped (with the
 * first reasons), the version, the time it took, and each graph it wrote (ESCO first, then what was loaded
 * alongside).
 */
public record EscoImportReport(
    String version,
    Map<String, Long> rowsPerFile,
    long triples,
    long skippedRows,
    List<String> skipped,
    long storeVersion,
    Duration duration,
    List<io.cairn.graph.SourceChange> changes) {

  public EscoImportReport {
    rowsPerFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerFile));
    skipped = List.copyOf(skipped);
    changes = List.copyOf(changes);
  }

  public double triplesPerSecond() {
    double seconds = duration.toNanos() / 1e9;
    return seconds == 0 ? 0 : triples / seconds;
  }
}
