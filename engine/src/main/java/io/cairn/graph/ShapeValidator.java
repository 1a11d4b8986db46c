package io.cairn.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;

/** Checks a data graph against Cairn's SHACL shapes. */
final class ShapeValidator {
  private final Shapes shapes;
  private final Set<Node> objectTargets = new HashSet<>();

  ShapeValidator(Graph shapesGraph) {
    this.shapes = Shapes.parse(shapesGraph);
    shapesGraph.find(Node.ANY, SHACL.targetObjectsOf, Node.ANY).forEachRemaining(t -> objectTargets.add(t.getObject()));
  }

  /**
   * The nodes that triples added in {@code added} can make break a shape: their subjects, and the objects of the
   * predicates a shape targets the objects of (an occupation's linked skills, say, which the addition does not
   * describe but points at).
   */
  Set<Node> focusNodes(List<Graph> added) {
    Set<Node> nodes = new LinkedHashSet<>();
    for (Graph graph : added) {
      graph.find().forEachRemaining(t -> {
        nodes.add(t.getSubject());
        if (objectTargets.contains(t.getPredicate())) {
          nodes.add(t.getObject());
        }
      });
    }
    return nodes;
  }

  static ShapeValidator cairn() {
    return new ShapeValidator(CairnOntology.shapes());
  }

  /** Every shape against every target in {@code data}. */
  List<Violation> validate(Graph data) {
    ValidationReport report = ShaclValidator.get().validate(shapes, data);
    return report.conforms() ? List.of() : violations(data, report.getEntries());
  }

  /**
   * Only the given nodes, each against the shapes that target it, with the whole of {@code data} to look things
   * up in. Enough when triples are only added: an addition can break a constraint only on a node it adds
   * triples to (the shapes use no closed shapes and no negation).
   *
   * <p>All the nodes share one validation context, as Jena's own whole-graph validation does, and which shapes
   * target a node is worked out by {@link FocusTargets}: the same checks as one
   * {@code ShaclValidator.validate(shapes, data, node)} per node (see {@link #validateEach}), without a context, a
   * report and a subclass lookup per node.
   */
  List<Violation> validate(Graph data, java.util.Collection<Node> focusNodes) {
    ValidationContext context = ValidationContext.create(shapes, data);
    FocusTargets targets = new FocusTargets(data);
    for (Node focus : focusNodes) {
      for (Shape shape : shapes.getTargetShapes()) {
        if (targets.isFocusNode(shape, focus)) {
          VLib.validateShape(context, data, shape, focus);
        }
      }
    }
    ValidationReport report = context.generateReport();
    return report.conforms() ? List.of() : violations(data, report.getEntries());
  }

  /** {@link #validate(Graph, java.util.Collection)} the way Jena's API offers it: a validation per node. */
  List<Violation> validateEach(Graph data, java.util.Collection<Node> focusNodes) {
    List<ReportEntry> entries = new ArrayList<>();
    for (Node focus : focusNodes) {
      ValidationReport report = ShaclValidator.get().validate(shapes, data, focus);
      if (!report.conforms()) {
        entries.addAll(report.getEntries());
      }
    }
    return entries.isEmpty() ? List.of() : violations(data, entries);
  }

  private static List<Violation> violations(Graph data, java.util.Collection<ReportEntry> entries) {
    List<Violation> violations = new ArrayList<>();
    for (ReportEntry entry : entries) {
      violations.add(violation(data, entry.focusNode(), entry.resultPath() == null ? "" : entry.resultPath().toString(),
          entry.value() == null ? "" : text(entry.value()), entry.severity().level().getLocalName(),
          entry.message() == null ? "" : entry.message()));
    }
    violations.sort(Comparator.comparing(Violation::focusNode).thenComparing(Violation::path));
    return violations;
  }

  /**
   * A violation at {@code focus}; blank nodes mean nothing to a person, so a blank focus is reported as its
   * nearest named owner with the path down to it.
   */
  static Violation violation(Graph data, Node focus, String path, String value, String severity, String message) {
    for (int depth = 0; focus.isBlank() && depth < 4; depth++) {
      var owners = data.find(Node.ANY, Node.ANY, focus);
      try {
        if (!owners.hasNext()) {
          break;
        }
        var triple = owners.next();
        path = "<" + triple.getPredicate().getURI() + ">" + (path.isEmpty() ? "" : "/" + path);
        focus = triple.getSubject();
      } finally {
        owners.close();
      }
    }
    return new Violation(text(focus), path, value, severity, message);
  }

  private static String text(Node node) {
    if (node.isURI()) {
      return node.getURI();
    }
    if (node.isBlank()) {
      return "_:" + node.getBlankNodeLabel();
    }
    return node.toString();
  }
}
