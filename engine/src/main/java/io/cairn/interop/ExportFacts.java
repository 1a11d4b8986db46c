package io.cairn.interop;

import io.cairn.graph.GraphStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * What the exporters need of the store that the snapshot does not keep: each credential's exact classes
 * (CTDL's {@code ProfessionalCertificate}, not just "a certificate") and the issuers' descriptions. Read once per
 * export. Whether a price or a workload was stated is the snapshot's to say ({@code Credential.costKnown()}), so a
 * stated 0 (free, or no study time) is exported and an unstated one is left out.
 */
public record ExportFacts(Map<String, Set<String>> types, Map<String, String> issuerDescriptions) {

  /** Nothing known beyond the snapshot (every credential exported by its kind alone). */
  public static ExportFacts none() {
    return new ExportFacts(Map.of(), Map.of());
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
      Map<String, String> descriptions = new HashMap<>();
      Node organisation = Vocab.uri(Vocab.CETERMS + "CredentialOrganization");
      Node description = Vocab.uri(Vocab.CETERMS + "description");
      for (Triple t : g.find(Node.ANY, RDF.type.asNode(), organisation).toList()) {
        Node d = Graphs.object(g, t.getSubject(), description);
        if (t.getSubject().isURI() && d != null && d.isLiteral()) {
          descriptions.put(t.getSubject().getURI(), d.getLiteralLexicalForm());
        }
      }
      return new ExportFacts(Map.copyOf(types), Map.copyOf(descriptions));
    });
  }

  /** The credential's classes as stored (empty when unknown). */
  public Set<String> typesOf(String iri) {
    return types.getOrDefault(iri, Set.of());
  }
}
