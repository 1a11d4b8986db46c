package io.cairn.interop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Names the blank nodes of a document that Cairn's catalog needs to tell apart by IRI (a pathway's conditions and
 * components): {@code https://w3id.org/cairn/id/{kind}/{hash}}, the hash of the document's checksum and the blank
 * node's label, so the same document always gives the same names.
 */
public final class Skolem {
  private Skolem() {}

  /**
   * Names every blank node typed with one of {@code kinds}' classes or their subclasses in {@code ontology}.
   *
   * @param kinds class IRI to the kind of name ({@code condition}, {@code component})
   */
  public static void nameBlankNodes(Graph graph, ImportSource source, Map<String, String> kinds, Graph ontology) {
    Map<Node, String> names = new LinkedHashMap<>();
    for (Triple t : graph.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList()) {
      if (t.getSubject().isBlank() && t.getObject().isURI()) {
        String kind = kindOf(t.getObject(), kinds, ontology);
        if (kind != null) {
          names.putIfAbsent(t.getSubject(), kind);
        }
      }
    }
    names.forEach((blank, kind) -> Graphs.rename(graph, blank, Vocab.uri(Vocab.CAIRN_ID + kind + "/"
        + ImportSource.sha256((source.sha256() + blank.getBlankNodeLabel()).getBytes(
            java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32))));
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
