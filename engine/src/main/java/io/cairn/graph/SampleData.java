package io.cairn.graph;

import java.util.List;

/** The embedded, hand-written sample catalog shipped in the engine jar (from {@code datasets/sample/}). */
public final class SampleData {
  /** The sample's files, in load order. */
  public static final List<String> FILES =
      List.of("competencies.ttl", "occupations.ttl", "issuers.ttl", "credentials.ttl", "pathways.ttl");

  private SampleData() {}

  /** The sample's files, parsed. */
  public static List<RdfSource> sources() {
    return FILES.stream().map(f -> RdfSource.fromClasspath("cairn/sample/" + f)).toList();
  }
}
