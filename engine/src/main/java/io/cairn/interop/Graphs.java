package io.cairn.interop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/** Small operations on a document's graph that the importers share. */
public final class Graphs {
  private Graphs() {}

  /**
   * The triples of {@code subject} and of the blank nodes it owns, recursively. A blank node that something else
   * also points at (JSON-LD lets documents share one by its {@code _:} label) is not owned.
   */
  public static List<Triple> owned(Graph graph, Node subject) {
    List<Triple> out = new ArrayList<>();
    collect(graph, subject, out, new HashSet<>());
    return out;
  }

  private static void collect(Graph graph, Node subject, List<Triple> out, Set<Node> seen) {
    if (!seen.add(subject)) {
      return;
    }
    List<Triple> mine = graph.find(subject, Node.ANY, Node.ANY).toList();
    out.addAll(mine);
    for (Triple t : mine) {
      Node o = t.getObject();
      if (o.isBlank() && graph.find(Node.ANY, Node.ANY, o).toList().size() == 1) {
        collect(graph, o, out, seen);
      }
    }
  }

  /** Removes {@code subject}'s triples and those of the blank nodes it owns; returns how many. */
  public static int remove(Graph graph, Node subject) {
    List<Triple> doomed = owned(graph, subject);
    doomed.forEach(graph::delete);
    return doomed.size();
  }

  /** Replaces {@code from} by {@code to} wherever it is subject or object. */
  public static void rename(Graph graph, Node from, Node to) {
    if (from.equals(to)) {
      return;
    }
    List<Triple> old = new ArrayList<>(graph.find(from, Node.ANY, Node.ANY).toList());
    old.addAll(graph.find(Node.ANY, Node.ANY, from).toList());
    for (Triple t : old) {
      graph.delete(t);
      graph.add(Triple.create(t.getSubject().equals(from) ? to : t.getSubject(), t.getPredicate(),
          t.getObject().equals(from) ? to : t.getObject()));
    }
  }

  /** The first object of {@code subject predicate ?}, or null. */
  public static Node object(Graph graph, Node subject, Node predicate) {
    var it = graph.find(subject, predicate, Node.ANY);
    try {
      return it.hasNext() ? it.next().getObject() : null;
    } finally {
      it.close();
    }
  }

  /**
   * What kind of resource a node is, for people: the local name of its type in a standard's namespace (CTDL,
   * ELM, Open Badges, CASE, SKOS), else of any type, else {@code Resource}.
   */
  public static String kind(Graph graph, Node node) {
    String best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Triple t : graph.find(node, RDF.type.asNode(), Node.ANY).toList()) {
      if (!t.getObject().isURI()) {
        continue;
      }
      String iri = t.getObject().getURI();
      int rank = iri.startsWith(Vocab.CETERMS) || iri.startsWith(Vocab.CEASN) || iri.startsWith(Vocab.OB)
          || iri.startsWith(Vocab.CASE) ? 0 : iri.startsWith(Vocab.ELM) ? 1 : iri.startsWith(Vocab.SKOS) ? 2 : 3;
      String local = localName(iri);
      if (rank < bestRank || (rank == bestRank && local.compareTo(best) < 0)) {
        best = local;
        bestRank = rank;
      }
    }
    return best == null ? "Resource" : best;
  }

  /** A resource's name for people: its CTDL name, DC title or SKOS preferred label (English first), or "". */
  public static String name(Graph graph, Node node) {
    for (String p : new String[] {Vocab.CETERMS + "name", Vocab.DCT + "title", Vocab.SKOS + "prefLabel"}) {
      String found = null;
      for (Triple t : graph.find(node, Vocab.uri(p), Node.ANY).toList()) {
        if (t.getObject().isLiteral()) {
          String lang = t.getObject().getLiteralLanguage();
          if (found == null || lang.isEmpty() || lang.toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
            found = t.getObject().getLiteralLexicalForm();
          }
        }
      }
      if (found != null) {
        return found;
      }
    }
    return "";
  }

  /** The part of an IRI after its last {@code /} or {@code #}. */
  public static String localName(String iri) {
    int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
    return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
  }
}
