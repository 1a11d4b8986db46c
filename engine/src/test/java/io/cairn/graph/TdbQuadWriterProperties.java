package io.cairn.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TdbQuadWriter} writes into TDB2 exactly what adding the graph through Jena's own API writes: over seeded
 * random graphs of IRIs, blank nodes and literals of the datatypes TDB2 stores inline (integers, decimals, dates,
 * booleans, with leading zeros and signs that it canonicalises), plain and language-tagged strings, and triples
 * repeated across graphs. Both ways of writing (triple by triple, and resolved first, then added) are checked.
 */
class TdbQuadWriterProperties {
  private static final String[] DATATYPES = {XSDDatatype.XSDinteger.getURI(), XSDDatatype.XSDdecimal.getURI(),
      XSDDatatype.XSDdateTime.getURI(), XSDDatatype.XSDdate.getURI(), XSDDatatype.XSDboolean.getURI(),
      XSDDatatype.XSDdouble.getURI(), XSDDatatype.XSDduration.getURI()};

  static LongStream seeds() {
    return LongStream.range(0, 40).map(i -> 7_340_033L * i + 11);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void writesWhatJenasOwnAddWrites(long seed) {
    Random random = new Random(seed);
    Graph first = randomGraph(random, 1 + random.nextInt(3_000));
    Graph second = randomGraph(random, 1 + random.nextInt(500));
    first.find().toList().stream().limit(50).forEach(second::add);
    Node a = NodeFactory.createURI("urn:cairn:source:a");
    Node b = NodeFactory.createURI("urn:cairn:source:b");

    Dataset expected = TDB2Factory.createDataset();
    Txn.executeWrite(expected, () -> {
      expected.asDatasetGraph().addGraph(a, first);
      expected.asDatasetGraph().addGraph(b, second);
    });
    Dataset streamed = TDB2Factory.createDataset();
    Txn.executeWrite(streamed, () -> {
      TdbQuadWriter writer = new TdbQuadWriter(streamed.asDatasetGraph());
      first.find().forEachRemaining(writer.into(a));
      writer.add(writer.resolve(b, second));
    });
    assertEquals(quads(expected), quads(streamed), "seed " + seed);
  }

  private static Set<Quad> quads(Dataset dataset) {
    return Txn.calculateRead(dataset, () -> {
      DatasetGraph dsg = dataset.asDatasetGraph();
      Set<Quad> all = new HashSet<>();
      dsg.find().forEachRemaining(all::add);
      return all;
    });
  }

  private static Graph randomGraph(Random random, int triples) {
    Graph graph = GraphFactory.createGraphMem();
    for (int i = 0; i < triples; i++) {
      graph.add(Triple.create(subject(random), NodeFactory.createURI("https://example.org/p" + random.nextInt(12)),
          object(random)));
    }
    return graph;
  }

  private static Node subject(Random random) {
    return random.nextInt(8) == 0 ? NodeFactory.createBlankNode("b" + random.nextInt(50))
        : NodeFactory.createURI("https://example.org/s" + random.nextInt(400));
  }

  private static Node object(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> subject(random);
      case 1 -> NodeFactory.createLiteralString("label " + random.nextInt(300));
      case 2 -> NodeFactory.createLiteralLang("étiquette " + random.nextInt(100), random.nextBoolean() ? "fr" : "en");
      default -> typed(random);
    };
  }

  private static Node typed(Random random) {
    String datatype = DATATYPES[random.nextInt(DATATYPES.length)];
    String sign = random.nextInt(4) == 0 ? "-" : random.nextInt(4) == 0 ? "+" : "";
    String lexical = switch (datatype.substring(datatype.indexOf('#') + 1)) {
      case "integer" -> sign + "0".repeat(random.nextInt(3)) + random.nextInt(1_000_000);
      case "decimal" -> sign + random.nextInt(1_000) + "." + random.nextInt(100) + "0".repeat(random.nextInt(2));
      case "dateTime" -> String.format("20%02d-%02d-%02dT%02d:%02d:%02d%s", random.nextInt(30), 1 + random.nextInt(12),
          1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
          random.nextBoolean() ? "Z" : "+02:00");
      case "date" -> String.format("20%02d-%02d-%02d", random.nextInt(30), 1 + random.nextInt(12),
          1 + random.nextInt(28));
      case "boolean" -> random.nextBoolean() ? "true" : "1";
      case "double" -> sign + random.nextInt(100) + "." + random.nextInt(100) + "e" + random.nextInt(5);
      default -> "P" + random.nextInt(30) + "DT" + random.nextInt(24) + "H";
    };
    return NodeFactory.createLiteralDT(lexical, org.apache.jena.datatypes.TypeMapper.getInstance()
        .getSafeTypeByName(datatype));
  }
}
