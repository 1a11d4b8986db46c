package io.cairn.graph;

import java.util.List;

/**
 * What a load wrote: each source graph it added, replaced or edited, the store version after it, and the shapes'
 * warnings about what it loaded (gaps such as an unknown workload, which do not refuse a load).
 */
public record LoadReport(List<SourceChange> changes, long storeVersion, List<Violation> warnings) {
  public LoadReport {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }

  /** A report without warnings. */
  public LoadReport(List<SourceChange> changes, long storeVersion) {
    this(changes, storeVersion, List.of());
  }

  /** The graphs the sources were written into (added or replaced; not the graphs edited), in load order. */
  public List<String> graphs() {
    return loaded().map(SourceChange::graph).toList();
  }

  /** Triples in the graphs the sources were written into. */
  public long triples() {
    return loaded().mapToLong(SourceChange::triples).sum();
  }

  private java.util.stream.Stream<SourceChange> loaded() {
    return changes.stream().filter(c -> c.kind() != SourceChange.Kind.EDITED);
  }
}
