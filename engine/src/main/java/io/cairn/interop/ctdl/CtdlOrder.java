package io.cairn.interop.ctdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.interop.Vocab;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * RDF keeps no order among a condition's components and nested conditions; a CTDL JSON-LD document does: the
 * order its {@code @graph} lists the nodes in (and, for children it does not list there, the order of the arrays
 * that name them). Cairn reads that order as its siblings' {@code cairn:position}, so a pathway it exports comes
 * back with its requirement trees in the same order.
 */
final class CtdlOrder {
  private static final List<String> CHILD_KEYS = List.of("ceterms:targetComponent", "ceterms:hasCondition",
      "targetComponent", "hasCondition");

  private CtdlOrder() {}

  /** Adds {@code cairn:position} to the named children of the document's conditions that have none. */
  static void positions(JsonNode document, Graph graph) {
    Map<String, Integer> listed = new HashMap<>();
    JsonNode nodes = document.path("@graph");
    for (int i = 0; i < nodes.size(); i++) {
      String id = id(nodes.get(i));
      if (id != null) {
        listed.putIfAbsent(id, i);
      }
    }
    Map<String, List<String>> children = new LinkedHashMap<>();
    collect(document, children);
    Node position = Vocab.uri(Vocab.CAIRN + "position");
    for (List<String> kids : children.values()) {
      List<String> ordered = new ArrayList<>(kids);
      ordered.sort(Comparator.comparing((String k) -> listed.getOrDefault(k, Integer.MAX_VALUE))
          .thenComparing(kids::indexOf));
      for (int i = 0; i < ordered.size(); i++) {
        Node child = Vocab.uri(ordered.get(i));
        if (graph.contains(child, Node.ANY, Node.ANY) && !graph.contains(child, position, Node.ANY)) {
          graph.add(child, position, NodeFactory.createLiteralDT(Integer.toString(i + 1), XSDDatatype.XSDinteger));
        }
      }
    }
  }

  private static void collect(JsonNode node, Map<String, List<String>> children) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, children));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String parent = id(node);
    for (String key : CHILD_KEYS) {
      JsonNode value = node.get(key);
      if (value == null) {
        continue;
      }
      for (JsonNode child : value.isArray() ? value : List.of(value)) {
        String childId = child.isTextual() ? child.asText() : id(child);
        if (parent != null && childId != null && !childId.startsWith("_:")) {
          List<String> kids = children.computeIfAbsent(parent, k -> new ArrayList<>());
          if (!kids.contains(childId)) {
            kids.add(childId);
          }
        }
      }
    }
    node.forEach(n -> collect(n, children));
  }

  private static String id(JsonNode node) {
    JsonNode id = node.has("@id") ? node.get("@id") : node.get("id");
    return id != null && id.isTextual() ? id.asText() : null;
  }
}
