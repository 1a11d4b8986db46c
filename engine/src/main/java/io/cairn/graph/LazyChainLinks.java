package io.cairn.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * One kind of chain's links in a graph, looked up a node at a time through the graph's indexes (forward and
 * backward), for checking what a load adds without reading every link of the store ({@link ChainCheck#checkAdded}).
 * A link is {@code s first ?x . ?x second o} for stacking and prerequisites; for conditions it is {@code s first o},
 * or {@code s second ?g . ?g first o} through a group whose conditions nest as well.
 */
final class LazyChainLinks {
  private final Graph data;
  private final ChainCheck.Chain chain;
  private final boolean conditions;

  LazyChainLinks(Graph data, ChainCheck.Chain chain) {
    this.data = data;
    this.chain = chain;
    this.conditions = chain == ChainCheck.Chain.CONDITIONS;
  }

  /** The nodes a link leads to from {@code node}. */
  List<Node> next(Node node) {
    List<Node> next = new ArrayList<>();
    if (conditions) {
      objects(node, chain.first).forEach(next::add);
      for (Node group : objects(node, chain.second)) {
        next.addAll(objects(group, chain.first));
      }
    } else {
      for (Node via : objects(node, chain.first)) {
        next.addAll(objects(via, chain.second));
      }
    }
    return next;
  }

  /** The nodes with a link to {@code node}. */
  List<Node> previous(Node node) {
    List<Node> previous = new ArrayList<>();
    if (conditions) {
      for (Node parent : subjects(chain.first, node)) {
        previous.add(parent);
        // a condition that targets the parent as a group nests the node too
        previous.addAll(subjects(chain.second, parent));
      }
    } else {
      for (Node via : subjects(chain.second, node)) {
        previous.addAll(subjects(chain.first, via));
      }
    }
    return previous;
  }

  /** How many leaves (targeted components) a condition has besides its links. */
  long leaves(Node node) {
    return objects(node, chain.second).size();
  }

  /** The nodes whose links {@code added} changes: those it gives a link, or a step of one. */
  Set<Node> seeds(List<Graph> added) {
    Set<Node> seeds = new LinkedHashSet<>();
    for (Graph graph : added) {
      for (Triple t : graph.find(Node.ANY, chain.first, Node.ANY).toList()) {
        seeds.add(t.getSubject());
        if (conditions) {
          // conditions targeting it as a group gain its new conditions as links
          seeds.addAll(subjects(chain.second, t.getSubject()));
        }
      }
      for (Triple t : graph.find(Node.ANY, chain.second, Node.ANY).toList()) {
        if (conditions) {
          seeds.add(t.getSubject());
        } else {
          seeds.addAll(subjects(chain.first, t.getSubject()));
        }
      }
    }
    return seeds;
  }

  /** {@code seeds} and every node with a chain of links to one of them. */
  Set<Node> upstream(Set<Node> seeds) {
    Set<Node> reached = new LinkedHashSet<>(seeds);
    Deque<Node> todo = new ArrayDeque<>(seeds);
    while (!todo.isEmpty()) {
      for (Node parent : previous(todo.pop())) {
        if (reached.add(parent)) {
          todo.push(parent);
        }
      }
    }
    return reached;
  }

  private List<Node> objects(Node subject, Node predicate) {
    List<Node> out = new ArrayList<>();
    data.find(subject, predicate, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
    return out;
  }

  private List<Node> subjects(Node predicate, Node object) {
    List<Node> out = new ArrayList<>();
    data.find(Node.ANY, predicate, object).forEachRemaining(t -> out.add(t.getSubject()));
    return out;
  }
}
