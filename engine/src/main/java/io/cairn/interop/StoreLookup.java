package io.cairn.interop;

import io.cairn.graph.GraphStore;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;

/** What an importer may ask of the store it imports into, while it maps a document. */
public interface StoreLookup {
  /** The IRIs among {@code iris} that the store holds as concepts (ESCO skills, framework items). */
  default Set<String> concepts(Collection<String> iris) {
    return typed(iris, Vocab.SKOS + "Concept");
  }

  /** The IRIs among {@code iris} that the store holds with type {@code classIri}. */
  Set<String> typed(Collection<String> iris, String classIri);

  /** The resource the store knows by this CTID (Credential Engine's identifier), if any. */
  Optional<String> byCtid(String ctid);

  /** The resource the store knows by this issuer and identifier ({@code ceterms:codedNotation}), if any. */
  Optional<String> byIssuerAndCode(String issuer, String code);

  /** Lookups over an empty store. */
  static StoreLookup empty() {
    return over(null);
  }

  /** Lookups over {@code store} (each a read transaction of its own). */
  static StoreLookup over(GraphStore store) {
    return new StoreLookup() {
      @Override
      public Set<String> typed(Collection<String> iris, String classIri) {
        if (store == null) {
          return Set.of();
        }
        Node type = NodeFactory.createURI(classIri);
        return store.readUnion(g -> {
          Set<String> found = new HashSet<>();
          for (String iri : iris) {
            if (g.contains(NodeFactory.createURI(iri), RDF.type.asNode(), type)) {
              found.add(iri);
            }
          }
          return found;
        });
      }

      @Override
      public Optional<String> byCtid(String ctid) {
        return store == null ? Optional.empty() : store.readUnion(g ->
            first(g.find(Node.ANY, Vocab.CTID, NodeFactory.createLiteralString(ctid))));
      }

      @Override
      public Optional<String> byIssuerAndCode(String issuer, String code) {
        return store == null ? Optional.empty() : store.readUnion(g -> {
          Node owner = NodeFactory.createURI(issuer);
          ExtendedIterator<Triple> it = g.find(Node.ANY, Vocab.CODED_NOTATION, NodeFactory.createLiteralString(code));
          try {
            while (it.hasNext()) {
              Node s = it.next().getSubject();
              if (s.isURI() && g.contains(s, Vocab.OWNED_BY, owner)) {
                return Optional.of(s.getURI());
              }
            }
            return Optional.empty();
          } finally {
            it.close();
          }
        });
      }

      private Optional<String> first(ExtendedIterator<Triple> it) {
        try {
          while (it.hasNext()) {
            Node s = it.next().getSubject();
            if (s.isURI()) {
              return Optional.of(s.getURI());
            }
          }
          return Optional.empty();
        } finally {
          it.close();
        }
      }
    };
  }
}
