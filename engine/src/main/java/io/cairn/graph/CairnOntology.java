package io.cairn.graph;

import org.apache.jena.graph.Graph;

/** The ontology and shapes shipped in the engine jar (copied from {@code ontologies/} at build time). */
public final class CairnOntology {
  static final String ONTOLOGY_GRAPH = "urn:cairn:graph:ontology";

  private CairnOntology() {}

  /** Cairn's ontology with the standards' class hierarchy it relies on, parsed anew (the caller may change it). */
  public static Graph ontology() {
    return RdfSource.fromClasspath("cairn/ontologies/cairn.ttl").graph();
  }

  static Graph shapes() {
    return RdfSource.fromClasspath("cairn/ontologies/cairn-shapes.ttl").graph();
  }
}
