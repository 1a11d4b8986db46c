package io.cairn.interop.esco;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an ESCO import did: rows per file (in import order), triples in the ESCO graph, rows skipped (with the
 * first reasons), the version and the time it took.
 */
public record EscoImportReport(
    String version,
    Map<String, Long> rowsPerFile,
    long triples,
    long skippedRows,
    List<String> skipped,
    long storeVersion,
    Duration duration) {

  public EscoImportReport {
    rowsPerFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerFile));
    skipped = List.copyOf(skipped);
  }

  public double triplesPerSecond() {
    double seconds = duration.toNanos() / 1e9;
    return seconds == 0 ? 0 : triples / seconds;
  }
}
