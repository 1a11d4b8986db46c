package io.cairn.graph;

import java.util.List;

/**
 * What a load wrote: the named graphs it replaced, their triple count, the store version after it, and the
 * shapes' warnings (gaps such as an unknown workload, which do not refuse a load).
 */
public record LoadReport(List<String> graphs, long triples, long storeVersion, List<Violation> warnings) {
  public LoadReport {
    graphs = List.copyOf(graphs);
    warnings = List.copyOf(warnings);
  }

  public LoadReport(List<String> graphs, long triples, long storeVersion) {
    this(graphs, triples, storeVersion, List.of());
  }
}
