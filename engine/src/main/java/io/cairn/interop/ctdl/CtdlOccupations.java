package io.cairn.interop.ctdl;

import io.cairn.interop.Graphs;
import io.cairn.interop.StoreLookup;
import io.cairn.interop.Vocab;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * A pathway's goal occupation: CTDL names occupations with {@code ceterms:occupationType} (a
 * CredentialAlignmentObject or the occupation itself); when exactly one is an ESCO occupation the store holds,
 * it becomes Cairn's {@code cairn:goalOccupation}.
 */
final class CtdlOccupations {
  private static final Node OCCUPATION_TYPE = Vocab.uri(Vocab.CETERMS + "occupationType");
  private static final Node TARGET_NODE = Vocab.uri(Vocab.CETERMS + "targetNode");
  private static final Node GOAL = Vocab.uri(Vocab.CAIRN + "goalOccupation");
  private static final Node PATHWAY = Vocab.uri(Vocab.CETERMS + "Pathway");

  private CtdlOccupations() {}

  static void goals(Graph graph, StoreLookup lookup) {
    for (Triple p : graph.find(Node.ANY, RDF.type.asNode(), PATHWAY).toList()) {
      Node pathway = p.getSubject();
      if (graph.contains(pathway, GOAL, Node.ANY)) {
        continue;
      }
      List<String> occupations = new ArrayList<>();
      for (Triple t : graph.find(pathway, OCCUPATION_TYPE, Node.ANY).toList()) {
        Node target = t.getObject().isURI() ? t.getObject() : Graphs.object(graph, t.getObject(), TARGET_NODE);
        if (target != null && target.isURI()) {
          occupations.add(target.getURI());
        }
      }
      Set<String> known = lookup.typed(occupations, Vocab.ESCO + "Occupation");
      if (known.size() == 1) {
        graph.add(pathway, GOAL, Vocab.uri(known.iterator().next()));
      }
    }
  }
}
