package io.cairn.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;

/**
 * Makes the same resource arriving again replace itself rather than add a duplicate: a resource that the store
 * knows under another IRI by its CTID, or by its issuer and code ({@code ceterms:ownedBy} with
 * {@code ceterms:codedNotation}), takes the IRI the store knows it by. (By the same IRI it replaces itself
 * anyway.) The stored IRI is kept so that what already points at it keeps pointing at it.
 */
final class Identity {
  private Identity() {}

  static void resolve(MappedSource m, StoreLookup lookup) {
    for (Node resource : new ArrayList<>(m.resources())) {
      Optional<String> known = byCtid(m, resource, lookup).or(() -> byIssuerAndCode(m, resource, lookup));
      if (known.isPresent() && !known.get().equals(resource.getURI())) {
        Node to = Vocab.uri(known.get());
        Graphs.rename(m.graph(), resource, to);
        List<Node> order = new ArrayList<>(m.resources());
        m.resources().clear();
        order.forEach(r -> m.resource(r.equals(resource) ? to : r));
        m.note(resource.getURI() + " is " + known.get() + " in the store (same "
            + (literal(m, to, Vocab.CTID) != null ? "CTID" : "issuer and code") + "); it replaces it there");
      }
    }
  }

  private static Optional<String> byCtid(MappedSource m, Node resource, StoreLookup lookup) {
    String ctid = literal(m, resource, Vocab.CTID);
    return ctid == null ? Optional.empty() : lookup.byCtid(ctid);
  }

  private static Optional<String> byIssuerAndCode(MappedSource m, Node resource, StoreLookup lookup) {
    String code = literal(m, resource, Vocab.CODED_NOTATION);
    Node issuer = Graphs.object(m.graph(), resource, Vocab.OWNED_BY);
    return code == null || issuer == null || !issuer.isURI() ? Optional.empty()
        : lookup.byIssuerAndCode(issuer.getURI(), code);
  }

  private static String literal(MappedSource m, Node resource, Node predicate) {
    Node value = Graphs.object(m.graph(), resource, predicate);
    return value != null && value.isLiteral() ? value.getLiteralLexicalForm() : null;
  }
}
