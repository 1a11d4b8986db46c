package io.cairn.graph;

import org.apache.jena.graph.Graph;

/** The ontology and shapes shipped in the engine jar (copied from {@code ontologies/} at build time). */
final class CairnOntology {
  static final String ONTOLOGY_GRAPH = "urn:cairn:graph:ontology";

  private CairnOntology() {}

  static Graph ontology() {
    return RdfSource.fromClasspath("cairn/ontologies/cairn.ttl").graph();
  }

  static Graph shapes() {
    return RdfSource.fromClasspath("cairn/ontologies/cairn-shapes.ttl").graph();
  }
}
