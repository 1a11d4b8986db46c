package io.cairn.graph;

import java.util.List;

/** What a load wrote: each source graph it added or replaced, and the store version after it. */
public record LoadReport(List<SourceChange> changes, long storeVersion) {
  public LoadReport {
    changes = List.copyOf(changes);
  }

  /** The graphs written, in load order. */
  public List<String> graphs() {
    return changes.stream().map(SourceChange::graph).toList();
  }

  /** Triples in the graphs written. */
  public long triples() {
    return changes.stream().mapToLong(SourceChange::triples).sum();
  }
}
