package io.cairn.interop.casepkg;

import io.cairn.interop.DocumentGraphs;
import io.cairn.interop.ImportSource;
import io.cairn.interop.StandardFormatException;
import io.cairn.interop.Vocab;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * A file that matches a framework's items to ESCO skills, for packages that do not say so themselves: a CSV with
 * the columns {@code item,esco[,match]} (the item by its uri, identifier or human coding scheme; the ESCO skill
 * IRI; {@code exact} (the default) or {@code close}), or RDF (Turtle) with {@code skos:exactMatch} and
 * {@code skos:closeMatch} triples.
 */
public final class CaseMapping {
  private final String name;
  private final String sha256;
  private final List<String[]> rows;

  private CaseMapping(String name, String sha256, List<String[]> rows) {
    this.name = name;
    this.sha256 = sha256;
    this.rows = rows;
  }

  public static CaseMapping read(ImportSource source) {
    List<String[]> rows = new ArrayList<>();
    if (source.extension().equals("csv")) {
      int line = 0;
      for (String raw : source.text().split("\\R")) {
        line++;
        String[] cells = raw.split(",", -1);
        if (raw.isBlank() || (line == 1 && cells[0].strip().equalsIgnoreCase("item"))) {
          continue;
        }
        if (cells.length < 2 || !cells[1].strip().startsWith("http")) {
          throw new StandardFormatException(source.name() + " line " + line + ": expected item,esco[,match] with an "
              + "ESCO IRI in the second column, got: " + raw);
        }
        String match = cells.length > 2 ? cells[2].strip().toLowerCase(Locale.ROOT) : "exact";
        if (!match.equals("exact") && !match.equals("close")) {
          throw new StandardFormatException(source.name() + " line " + line + ": match must be exact or close, got "
              + match);
        }
        rows.add(new String[] {cells[0].strip(), cells[1].strip(), match});
      }
    } else {
      Graph graph = DocumentGraphs.rdf(source, DocumentGraphs.base(source));
      for (String p : List.of("exactMatch", "closeMatch")) {
        for (Triple t : graph.find(Node.ANY, Vocab.uri(Vocab.SKOS + p), Node.ANY).toList()) {
          if (t.getSubject().isURI() && t.getObject().isURI()) {
            rows.add(new String[] {t.getSubject().getURI(), t.getObject().getURI(), p.startsWith("exact") ? "exact" : "close"});
          }
        }
      }
    }
    return new CaseMapping(source.name(), source.sha256(), List.copyOf(rows));
  }

  public String name() {
    return name;
  }

  public String sha256() {
    return sha256;
  }

  /** Adds the matches for the items of {@code graph}; returns how many it added. */
  int apply(Graph graph, Set<Node> items) {
    int added = 0;
    for (String[] row : rows) {
      Node item = find(graph, items, row[0]);
      if (item != null) {
        graph.add(item, Vocab.uri(Vocab.SKOS + (row[2].equals("exact") ? "exactMatch" : "closeMatch")), Vocab.uri(row[1]));
        added++;
      }
    }
    return added;
  }

  private static Node find(Graph graph, Set<Node> items, String key) {
    for (Node item : items) {
      if (item.getURI().equals(key) || item.getURI().equals("urn:uuid:" + key)
          || graph.contains(item, Vocab.uri(Vocab.CASE + "identifier"), org.apache.jena.graph.NodeFactory.createLiteralString(key))
          || graph.contains(item, Vocab.uri(Vocab.SKOS + "notation"), org.apache.jena.graph.NodeFactory.createLiteralString(key))) {
        return item;
      }
    }
    return null;
  }
}
