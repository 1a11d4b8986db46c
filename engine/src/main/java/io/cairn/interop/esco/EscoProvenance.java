package io.cairn.interop.esco;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes where the ESCO graph came from into the graph itself: the source files and their checksums, the ESCO
 * version, the time, and the rows read per file. The triple count comes last, once everything else is in.
 */
final class EscoProvenance {
  /** The node that describes the imported ESCO dataset. */
  static final String DATASET = "https://w3id.org/cairn/id/dataset/esco";
  private static final String CAIRN = "https://w3id.org/cairn/ns#";
  private static final String PROV = "http://www.w3.org/ns/prov#";
  private static final String DCT = "http://purl.org/dc/terms/";
  private final Graph graph;

  EscoProvenance(Graph graph) {
    this.graph = graph;
  }

  void write(String version, List<EscoDownload.Input> inputs, Map<String, Long> rows, long skipped, Instant at) {
    Node dataset = NodeFactory.createURI(DATASET);
    add(dataset, RDF.type.asNode(), uri(PROV + "Entity"));
    add(dataset, uri(DCT + "title"), NodeFactory.createLiteralLang("ESCO classification", "en"));
    add(dataset, uri(DCT + "hasVersion"), NodeFactory.createLiteralString(version));
    add(dataset, uri(DCT + "rights"), NodeFactory.createLiteralLang(
        "This service uses the ESCO classification of the European Commission.", "en"));
    add(dataset, uri(PROV + "generatedAtTime"), NodeFactory.createLiteralDT(at.toString(), XSDDatatype.XSDdateTime));
    for (EscoDownload.Input input : inputs) {
      Node file = NodeFactory.createBlankNode();
      add(dataset, uri(PROV + "wasDerivedFrom"), file);
      add(file, uri(DCT + "title"), NodeFactory.createLiteralString(input.name()));
      add(file, uri(CAIRN + "sha256"), NodeFactory.createLiteralString(input.sha256()));
      add(file, uri(CAIRN + "byteSize"), integer(input.bytes()));
    }
    rows.forEach((name, count) -> {
      Node table = NodeFactory.createBlankNode();
      add(dataset, uri(CAIRN + "importedTable"), table);
      add(table, uri(DCT + "title"), NodeFactory.createLiteralString(name));
      add(table, uri(CAIRN + "rowCount"), integer(count));
    });
    add(dataset, uri(CAIRN + "skippedRows"), integer(skipped));
    // the count includes the triple that states it
    add(dataset, uri(CAIRN + "tripleCount"), integer(graph.size() + 1));
  }

  private void add(Node s, Node p, Node o) {
    graph.add(Triple.create(s, p, o));
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  private static Node integer(long value) {
    return NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger);
  }
}
