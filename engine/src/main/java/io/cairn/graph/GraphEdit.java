package io.cairn.graph;

import java.util.List;
import java.util.Objects;
import org.apache.jena.graph.Triple;

/**
 * Triples to take out of one stored source graph in the same transaction as a load: an import that brings a
 * resource another source already describes replaces that description rather than adding a second one.
 */
public record GraphEdit(String graphName, List<Triple> remove) {
  public GraphEdit {
    Objects.requireNonNull(graphName);
    remove = List.copyOf(remove);
  }
}
