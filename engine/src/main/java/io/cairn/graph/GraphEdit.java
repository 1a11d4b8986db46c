package io.cairn.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
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

  /**
   * What {@code graph} says about {@code subjects}, with the blank nodes they own (followed without recursion,
   * however deep a stored graph nests them); empty when it says nothing.
   */
  static Optional<GraphEdit> describing(String graphName, Graph graph, Collection<Node> subjects) {
    List<Triple> triples = new ArrayList<>();
    Set<Node> seen = new HashSet<>();
    Deque<Node> pending = new ArrayDeque<>(subjects);
    while (!pending.isEmpty()) {
      Node subject = pending.pop();
      if (!seen.add(subject)) {
        continue;
      }
      graph.find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> {
        triples.add(t);
        if (t.getObject().isBlank()) {
          pending.push(t.getObject());
        }
      });
    }
    return triples.isEmpty() ? Optional.empty() : Optional.of(new GraphEdit(graphName, triples));
  }
}
