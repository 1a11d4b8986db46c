package io.cairn.graph;

import java.util.List;

/** What a load wrote: the named graphs it replaced, their triple count, and the store version after it. */
public record LoadReport(List<String> graphs, long triples, long storeVersion) {
  public LoadReport {
    graphs = List.copyOf(graphs);
  }
}
