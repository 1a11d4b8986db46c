package io.cairn.interop;

import io.cairn.graph.GraphStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * What the exporters need of the store that the snapshot does not keep: each credential's exact classes
 * (CTDL's {@code ProfessionalCertificate}, not just "a certificate"), which credentials state a price (a price of 0
 * is "free" only when stated), and the issuers' descriptions. Read once per export.
 */
public record ExportFacts(Map<String, Set<String>> types, Set<String> priced, Map<String, String> issuerDescriptions) {

  /** Nothing known beyond the snapshot (every credential exported by its kind alone). */
  public static ExportFacts none() {
    return new ExportFacts(Map.of(), Set.of(), Map.of());
  }

  /** Read from the store in one read transaction. */
  public static ExportFacts of(GraphStore store) {
    return store.readUnion(g -> {
      Map<String, Set<String>> types = new HashMap<>();
      for (Triple t : g.find(Node.ANY, RDF.type.asNode(), Vocab.LEARNING_ACHIEVEMENT_SPECIFICATION).toList()) {
        Node c = t.getSubject();
        if (c.isURI()) {
          Set<String> own = new TreeSet<>();
          g.find(c, RDF.type.asNode(), Node.ANY).forEachRemaining(x -> {
            if (x.getObject().isURI()) {
              own.add(x.getObject().getURI());
            }
          });
          types.put(c.getURI(), own);
        }
      }
      Set<String> priced = new HashSet<>();
      Node cost = Vocab.uri(Vocab.CETERMS + "estimatedCost");
      Node price = Vocab.uri(Vocab.CETERMS + "price");
      for (Triple t : g.find(Node.ANY, cost, Node.ANY).toList()) {
        if (t.getSubject().isURI() && g.contains(t.getObject(), price, Node.ANY)) {
          priced.add(t.getSubject().getURI());
        }
      }
      Map<String, String> descriptions = new HashMap<>();
      Node organisation = Vocab.uri(Vocab.CETERMS + "CredentialOrganization");
      Node description = Vocab.uri(Vocab.CETERMS + "description");
      for (Triple t : g.find(Node.ANY, RDF.type.asNode(), organisation).toList()) {
        Node d = Graphs.object(g, t.getSubject(), description);
        if (t.getSubject().isURI() && d != null && d.isLiteral()) {
          descriptions.put(t.getSubject().getURI(), d.getLiteralLexicalForm());
        }
      }
      return new ExportFacts(Map.copyOf(types), Set.copyOf(priced), Map.copyOf(descriptions));
    });
  }

  /** The credential's classes as stored (empty when unknown). */
  public Set<String> typesOf(String iri) {
    return types.getOrDefault(iri, Set.of());
  }

  /** True when the credential states a price (so a cost of 0 means free, not unknown). */
  public boolean hasPrice(String iri) {
    return priced.contains(iri);
  }
}
