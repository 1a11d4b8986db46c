package io.cairn.interop;

import java.time.Instant;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes where an imported graph came from into the graph itself, about the graph's own IRI: the document's
 * name and origin (its file's absolute path, or the name an upload gave), format, SHA-256 and size, the time, the resources stored and refused, and the triple count (last, so it
 * counts everything, itself included).
 */
final class ImportProvenance {
  private ImportProvenance() {}

  static void write(Graph graph, String graphName, ImportSource source, StandardFormat format, int resources,
      int refused, Instant at) {
    Node subject = NodeFactory.createURI(graphName);
    graph.add(subject, RDF.type.asNode(), Vocab.uri(Vocab.PROV + "Entity"));
    graph.add(subject, Vocab.uri(Vocab.DCT + "title"), NodeFactory.createLiteralString(source.name()));
    graph.add(subject, Vocab.uri(Vocab.DCT + "source"), NodeFactory.createLiteralString(source.origin()));
    graph.add(subject, Vocab.uri(Vocab.DCT + "format"), NodeFactory.createLiteralString(format.mediaType()));
    graph.add(subject, Vocab.uri(Vocab.DCT + "conformsTo"), Vocab.uri(format.profile()));
    graph.add(subject, Vocab.uri(Vocab.CAIRN + "sha256"), NodeFactory.createLiteralString(source.sha256()));
    graph.add(subject, Vocab.uri(Vocab.CAIRN + "byteSize"), integer(source.size()));
    graph.add(subject, Vocab.uri(Vocab.PROV + "generatedAtTime"),
        NodeFactory.createLiteralDT(at.toString(), XSDDatatype.XSDdateTime));
    graph.add(subject, Vocab.uri(Vocab.CAIRN + "resourceCount"), integer(resources));
    graph.add(subject, Vocab.uri(Vocab.CAIRN + "refusedCount"), integer(refused));
    graph.add(subject, Vocab.uri(Vocab.CAIRN + "tripleCount"), integer(graph.size() + 1));
  }

  private static Node integer(long value) {
    return NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger);
  }
}
