package io.cairn.interop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Names the blank nodes of a document that Cairn's catalog needs to tell apart by IRI (a pathway's conditions and
 * components): {@code https://w3id.org/cairn/id/{kind}/{hash}}, the hash of what points at the node and of what the
 * node says. A parser's blank-node labels differ from one reading to the next; these names do not, so importing the
 * same document again gives the same IRIs and replaces rather than duplicates.
 */
public final class Skolem {
  private Skolem() {}

  /**
   * Names every blank node typed with one of {@code kinds}' classes or their subclasses in {@code ontology}.
   *
   * @param kinds class IRI to the kind of name ({@code condition}, {@code component})
   */
  public static void nameBlankNodes(Graph graph, Map<String, String> kinds, Graph ontology) {
    Map<Node, String> names = new LinkedHashMap<>();
    for (Triple t : graph.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList()) {
      if (t.getSubject().isBlank() && t.getObject().isURI()) {
        String kind = kindOf(t.getObject(), kinds, ontology);
        if (kind != null) {
          names.putIfAbsent(t.getSubject(), kind);
        }
      }
    }
    Map<Node, Node> renames = new LinkedHashMap<>();
    names.forEach((blank, kind) -> renames.put(blank, Vocab.uri(Vocab.CAIRN_ID + kind + "/"
        + ImportSource.sha256(key(graph, blank, new HashSet<>()).getBytes(StandardCharsets.UTF_8)).substring(0, 32))));
    renames.forEach((blank, iri) -> Graphs.rename(graph, blank, iri));
  }

  /** What points at the node (its named owner and the path down) and what the node says, as text. */
  private static String key(Graph graph, Node blank, Set<Node> seen) {
    if (!seen.add(blank)) {
      return "cycle";
    }
    List<String> parents = new ArrayList<>();
    for (Triple t : graph.find(Node.ANY, Node.ANY, blank).toList()) {
      Node s = t.getSubject();
      parents.add((s.isURI() ? s.getURI() : key(graph, s, seen)) + " " + t.getPredicate().getURI());
    }
    parents.sort(null);
    return parents + " " + signature(graph, blank, 0);
  }

  /** The node's own triples as sorted text, blank objects by their own signature (a few levels deep). */
  private static String signature(Graph graph, Node node, int depth) {
    List<String> parts = new ArrayList<>();
    for (Triple t : graph.find(node, Node.ANY, Node.ANY).toList()) {
      Node o = t.getObject();
      String object = o.isBlank() ? (depth < 4 ? "[" + signature(graph, o, depth + 1) + "]" : "[]") : o.toString();
      parts.add(t.getPredicate().getURI() + " " + object);
    }
    parts.sort(null);
    return String.join("; ", parts);
  }

  private static String kindOf(Node type, Map<String, String> kinds, Graph ontology) {
    Node current = type;
    for (int depth = 0; depth < 8 && current != null; depth++) {
      String kind = kinds.get(current.getURI());
      if (kind != null) {
        return kind;
      }
      current = Graphs.object(ontology, current, RDFS.subClassOf.asNode());
    }
    return null;
  }
}
