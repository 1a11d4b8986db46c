package io.cairn.graph;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What a store holds, to compare two stores or one store before and after: the triple count of every named graph
 * and a content digest of each, as N-Quads lines with blank nodes named by their content (so the same data in
 * two stores digests the same, whatever labels the stores gave its blank nodes). A graph's digest is the sum of
 * its lines' SHA-256 values modulo 2^256, so no sort of a million lines is needed. {@code prov:generatedAtTime} is
 * left out: the time of an import is the only thing two runs of the same import write differently.
 */
public record StoreDigest(Map<String, Long> triplesPerGraph, Map<String, String> digestPerGraph) {
  private static final String GENERATED_AT = "http://www.w3.org/ns/prov#generatedAtTime";
  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

  /** The digest of the TDB2 store in {@code directory}, opened read-only and closed again. */
  public static StoreDigest of(Path directory) {
    try (GraphStore store = GraphStore.onDiskReadOnly(directory)) {
      return of(store);
    }
  }

  public static StoreDigest of(GraphStore store) {
    return store.readDataset(StoreDigest::digest);
  }

  /** Triples in all graphs together. */
  public long triples() {
    return triplesPerGraph.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    triplesPerGraph.forEach((g, n) -> text.append(g).append(": ").append(n).append(" triples, ")
        .append(digestPerGraph.get(g), 0, 16).append('\n'));
    return text.toString();
  }

  private static StoreDigest digest(DatasetGraph dsg) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, String> digests = new TreeMap<>();
    List<Node> names = new ArrayList<>();
    dsg.listGraphNodes().forEachRemaining(names::add);
    for (Node name : names) {
      Graph graph = dsg.getGraph(name);
      BlankLabels labels = new BlankLabels(graph);
      BigInteger sum = BigInteger.ZERO;
      long count = 0;
      for (var it = graph.find(); it.hasNext(); ) {
        Triple t = it.next();
        count++;
        if (!t.getPredicate().isURI() || !t.getPredicate().getURI().equals(GENERATED_AT)) {
          sum = sum.add(new BigInteger(1, sha256(labels.text(t.getSubject()) + " " + labels.text(t.getPredicate())
              + " " + labels.text(t.getObject()) + " " + name.getURI())));
        }
      }
      if (count > 0) {
        counts.put(name.getURI(), count);
        digests.put(name.getURI(), String.format("%064x", sum.mod(MODULUS)));
      }
    }
    return new StoreDigest(counts, digests);
  }

  /** Blank nodes named by a hash of what they say (their outgoing triples, recursively): Cairn's are trees. */
  private static final class BlankLabels {
    private final Graph graph;
    private final Map<Node, String> labels = new HashMap<>();

    BlankLabels(Graph graph) {
      this.graph = graph;
    }

    String text(Node node) {
      return node.isBlank() ? "_:" + label(node, 0) : NodeFmtLib.strNT(node);
    }

    private String label(Node blank, int depth) {
      String known = labels.get(blank);
      if (known != null) {
        return known;
      }
      if (depth > 16) {
        return "deep";
      }
      List<String> lines = new ArrayList<>();
      graph.find(blank, Node.ANY, Node.ANY).forEachRemaining(t -> lines.add(NodeFmtLib.strNT(t.getPredicate()) + " "
          + (t.getObject().isBlank() ? "_:" + label(t.getObject(), depth + 1) : NodeFmtLib.strNT(t.getObject()))));
      lines.sort(null);
      String label = String.format("%064x", new BigInteger(1, sha256(String.join("\n", lines))));
      labels.put(blank, label);
      return label;
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
