package io.cairn.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.engine.TargetType;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;

/**
 * Whether a node is a focus node of a shape, as Jena's {@code VLib.isFocusNode} decides it, for many nodes over one
 * data graph. Jena answers a class target by listing the class's subclasses in the data again for every node and
 * shape; here each class's subclasses (itself included, transitively) are listed once, and each node's types
 * are read once, so a class target costs a set lookup. Other targets are left to Jena. Not thread-safe.
 */
final class FocusTargets {
  private final Graph data;
  private final Map<Node, Set<Node>> subClasses = new HashMap<>();
  private Node typed;
  private Set<Node> types;

  FocusTargets(Graph data) {
    this.data = data;
  }

  /** True when {@code node} is one of the nodes {@code shape} targets in the data. */
  boolean isFocusNode(Shape shape, Node node) {
    for (Target target : shape.getTargets()) {
      if (isFocusNode(target, node)) {
        return true;
      }
    }
    return false;
  }

  private boolean isFocusNode(Target target, Node node) {
    TargetType type = target.getTargetType();
    if (type != TargetType.targetClass && type != TargetType.implicitClass) {
      return VLib.isFocusNode(target, node, data);
    }
    Set<Node> classes = subClasses.computeIfAbsent(target.getObject(), c -> new HashSet<>(G.listSubClasses(data, c)));
    for (Node t : typesOf(node)) {
      if (classes.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** The node's rdf:types, read once for the node asked about last (the validator asks shape after shape). */
  private Set<Node> typesOf(Node node) {
    if (!node.equals(typed)) {
      Set<Node> found = new HashSet<>();
      data.find(node, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> found.add(t.getObject()));
      typed = node;
      types = found;
    }
    return types;
  }
}
