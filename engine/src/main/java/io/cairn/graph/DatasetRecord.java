package io.cairn.graph;

import java.util.Map;

/**
 * What the store records about an imported dataset: its version and the files it came from with their
 * SHA-256 checksums (file name to hex digest, in name order).
 */
public record DatasetRecord(String iri, String version, Map<String, String> fileChecksums) {
  public DatasetRecord {
    fileChecksums = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fileChecksums));
  }
}
