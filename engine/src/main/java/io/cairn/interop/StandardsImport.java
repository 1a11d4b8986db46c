package io.cairn.interop;

import io.cairn.graph.GraphEdit;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.LoadRejectedException;
import io.cairn.graph.LoadReport;
import io.cairn.graph.RdfSource;
import io.cairn.graph.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Imports standards' documents into the catalog: each document is mapped by its standard's importer into its
 * own named graph (named after its origin, as every source's is: see {@link io.cairn.graph.SourceIdentity}),
 * resources the store already knows (by IRI, CTID, or issuer and code) are replaced rather than duplicated, and
 * the whole is checked as every load is: the chain rules, then the shapes, with the store. A resource that breaks
 * them is refused with the reason, and so is whatever depended on it; the rest is written in one transaction with
 * its provenance. A problem that no single resource of the import causes refuses the whole import, and so does a
 * document that would replace a graph another source filled (unless the mode allows it): nothing is written.
 */
public final class StandardsImport {
  private final LiveCatalog catalog;
  private final StandardImporter importer;
  private final Clock clock;

  public StandardsImport(LiveCatalog catalog, StandardImporter importer, Clock clock) {
    this.catalog = catalog;
    this.importer = importer;
    this.clock = clock;
  }

  /**
   * Imports the documents.
   *
   * @throws StandardFormatException when a document cannot be read as the standard (nothing is written)
   * @throws LoadRejectedException when the store with this import would break a shape that no resource of the
   *     import can be refused to fix, such as a pathway elsewhere that needs a credential the import replaces
   */
  public ImportReport run(List<ImportSource> sources, StandardsProgress progress) {
    return run(sources, GraphStore.LoadMode.ADD_OR_RELOAD, progress);
  }

  /**
   * Imports the documents, replacing graphs that other sources filled only when {@code mode} allows it.
   *
   * @throws StandardFormatException when a document cannot be read as the standard (nothing is written)
   * @throws io.cairn.graph.SourceConflictException when a document would replace another source's graph and
   *     {@code mode} does not allow it (nothing is written)
   * @throws LoadRejectedException when the store with this import would break a shape that no resource of the
   *     import can be refused to fix
   */
  public ImportReport run(List<ImportSource> sources, GraphStore.LoadMode mode, StandardsProgress progress) {
    GraphStore store = catalog.store();
    StoreLookup lookup = StoreLookup.over(store);
    List<MappedSource> mapped = new ArrayList<>();
    Map<String, MappedSource> byGraph = new LinkedHashMap<>();
    List<ImportReport.Refusal> empty = new ArrayList<>();
    for (ImportSource source : sources) {
      MappedSource m;
      try {
        m = importer.map(source, lookup);
      } catch (NothingToImportException e) {
        empty.add(new ImportReport.Refusal(source.name(), "Document", source.name(), e.getMessage()));
        progress.step("read " + source.name() + ": nothing for the catalog");
        continue;
      }
      Identity.resolve(m, lookup);
      String graph = source.graph();
      if (byGraph.containsKey(graph)) {
        throw new StandardFormatException("two documents would go into graph " + graph + " ("
            + byGraph.get(graph).source().origin() + " and " + source.origin() + "); a source is known by where it"
            + " came from, so give each document once, or name their graphs apart");
      }
      byGraph.put(graph, m);
      mapped.add(m);
      progress.step("read " + source.name() + ": " + m.resources().size() + " resource(s), "
          + m.graph().size() + " triples");
    }
    if (mapped.isEmpty()) {
      return new ImportReport(importer.format().id(), List.of(), List.of(), List.of(), List.of(), empty, List.of(),
          List.of(), 0, store.version());
    }
    dropRepeats(mapped);
    List<ImportReport.Refusal> refused = new ArrayList<>(empty);
    mapped.forEach(m -> refused.addAll(m.refusals()));
    Set<Node> existedBefore = existing(store, mapped);
    Instant at = clock.instant();
    LoadReport load = writeRefusingWhatBreaks(byGraph, mode, refused, at, progress);
    return report(mapped, byGraph, existedBefore, refused, load);
  }

  /**
   * Writes the import in one transaction; when the store with it would break a shape, nothing is written, the
   * resources at fault are refused (a refusal can leave another resource pointing at nothing, which the next try
   * finds), and it tries again with what is left, until a try commits.
   */
  private LoadReport writeRefusingWhatBreaks(Map<String, MappedSource> byGraph, GraphStore.LoadMode mode,
      List<ImportReport.Refusal> refused, Instant at, StandardsProgress progress) {
    GraphStore store = catalog.store();
    Map<String, String> reasons = new LinkedHashMap<>();
    for (int round = 1; ; round++) {
      // a document all of whose resources were refused stores nothing, not even its provenance: a refused import
      // leaves the store (and a graph the same document filled before) exactly as it was
      byGraph.values().removeIf(m -> m.resources().isEmpty());
      if (byGraph.isEmpty()) {
        progress.step("everything was refused; nothing is written");
        return new LoadReport(List.of(), store.version());
      }
      List<RdfSource> rdf = new ArrayList<>();
      for (Map.Entry<String, MappedSource> e : byGraph.entrySet()) {
        MappedSource m = e.getValue();
        // the provenance goes in a copy, so that a refused try leaves the document's graph as it was
        org.apache.jena.graph.Graph withProvenance = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        m.graph().find().forEachRemaining(withProvenance::add);
        long refusedHere = refused.stream().filter(r -> r.source().equals(m.source().name())).count();
        ImportProvenance.write(withProvenance, e.getKey(), m.source(), m.format(), m.resources().size(),
            (int) refusedHere, at);
        rdf.add(new RdfSource(m.source().name(), e.getKey(), m.source().origin(), withProvenance));
      }
      progress.step("checking against the shapes and the store, and writing (try " + round + ")");
      try {
        LoadReport written = catalog.load(rdf, mode, edits(store, byGraph));
        progress.step("written: store version " + written.storeVersion());
        return written;
      } catch (LoadRejectedException e) {
        progress.step(e.violations().size() + " violation(s); refusing the resources at fault");
        refuse(byGraph, e.violations(), refused, reasons);
      }
    }
  }

  /** When two documents of one import describe the same resource, the later one's description is kept. */
  private static void dropRepeats(List<MappedSource> mapped) {
    for (int later = mapped.size() - 1; later > 0; later--) {
      for (Node resource : mapped.get(later).resources()) {
        for (int earlier = 0; earlier < later; earlier++) {
          MappedSource m = mapped.get(earlier);
          if (m.resources().remove(resource)) {
            Graphs.remove(m.graph(), resource);
            m.note(resource.getURI() + " is also described in " + mapped.get(later).source().name()
                + "; that description is kept");
          }
        }
      }
    }
  }

  private static Set<Node> existing(GraphStore store, List<MappedSource> mapped) {
    return store.readUnion(g -> {
      Set<Node> found = new HashSet<>();
      for (MappedSource m : mapped) {
        for (Node r : m.resources()) {
          if (g.contains(r, RDF.type.asNode(), Node.ANY)) {
            found.add(r);
          }
        }
      }
      return found;
    });
  }

  private static List<GraphEdit> edits(GraphStore store, Map<String, MappedSource> byGraph) {
    Set<Node> resources = new HashSet<>();
    byGraph.values().forEach(m -> resources.addAll(m.resources()));
    return store.describedElsewhere(resources, byGraph.keySet());
  }

  /** Refuses the resources the violations are about; throws when one is about no resource of this import. */
  private static void refuse(Map<String, MappedSource> byGraph, List<Violation> violations,
      List<ImportReport.Refusal> refused, Map<String, String> reasons) {
    Map<Node, List<Violation>> byResource = new LinkedHashMap<>();
    Map<Node, MappedSource> owners = new LinkedHashMap<>();
    List<Violation> unattributable = new ArrayList<>();
    for (Violation v : violations) {
      Node focus = node(v.focusNode());
      MappedSource owner = null;
      Node resource = null;
      for (MappedSource m : byGraph.values()) {
        resource = resourceOf(m, focus);
        if (resource != null) {
          owner = m;
          break;
        }
      }
      if (owner == null) {
        unattributable.add(v);
      } else {
        byResource.computeIfAbsent(resource, k -> new ArrayList<>()).add(v);
        owners.put(resource, owner);
      }
    }
    if (!unattributable.isEmpty()) {
      throw new LoadRejectedException(unattributable);
    }
    for (Map.Entry<Node, List<Violation>> e : byResource.entrySet()) {
      Node resource = e.getKey();
      MappedSource m = owners.get(resource);
      if (resource.isBlank()) {
        Graphs.remove(m.graph(), resource);
        continue;
      }
      String kind = Graphs.kind(m.graph(), resource);
      String reason = reason(e.getValue(), reasons);
      reasons.put(resource.getURI(), reason);
      List<Node> below = treeChildren(m.graph(), resource);
      Graphs.remove(m.graph(), resource);
      m.resources().remove(resource);
      refused.add(new ImportReport.Refusal(resource.getURI(), kind, m.source().name(), reason));
      refuseOrphans(m, resource, below, refused, reasons);
    }
    // what a document only pointed at from a refused resource (an ELM specification's issuer, say) is no longer
    // anything the document describes
    for (MappedSource m : byGraph.values()) {
      m.resources().removeIf(r -> !m.graph().contains(r, Node.ANY, Node.ANY));
    }
  }

  /**
   * Refuses, with {@code refused}, the conditions and components of its requirement tree that nothing else in the
   * document reaches any more: a tree refused for its depth, or for a cycle, goes in one try rather than one
   * level a try, and none of it is stored.
   */
  private static void refuseOrphans(MappedSource m, Node refusedNode, List<Node> children,
      List<ImportReport.Refusal> refused, Map<String, String> reasons) {
    java.util.Deque<Node> pending = new java.util.ArrayDeque<>(children);
    while (!pending.isEmpty()) {
      Node child = pending.pop();
      if (!child.isURI() || !m.graph().contains(child, Node.ANY, Node.ANY)
          || m.graph().contains(Node.ANY, Node.ANY, child)) {
        continue;
      }
      pending.addAll(treeChildren(m.graph(), child));
      String reason = "only " + refusedNode.getURI() + " reached it, and that was refused";
      reasons.put(child.getURI(), reason);
      refused.add(new ImportReport.Refusal(child.getURI(), Graphs.kind(m.graph(), child), m.source().name(), reason));
      Graphs.remove(m.graph(), child);
      m.resources().remove(child);
    }
  }

  /** The conditions and components a tree node leads to (its nested conditions and target components). */
  private static List<Node> treeChildren(Graph graph, Node node) {
    List<Node> children = new ArrayList<>();
    for (String link : List.of("hasCondition", "targetComponent")) {
      graph.find(node, Vocab.uri(Vocab.CETERMS + link), Node.ANY).forEachRemaining(t -> children.add(t.getObject()));
    }
    return children;
  }

  /** The shapes' messages, each once; a value that names a resource refused earlier says so and why. */
  private static String reason(List<Violation> violations, Map<String, String> refusedEarlier) {
    List<String> parts = new ArrayList<>();
    for (Violation v : violations) {
      String culprit = refusedEarlier.containsKey(v.value()) ? v.value() : v.focusNode();
      String earlier = refusedEarlier.get(culprit);
      String part = earlier != null
          ? v.message() + " (" + culprit + " was refused: " + earlier + ")"
          : v.message() + (v.value().isEmpty() || v.value().equals(v.focusNode()) ? "" : " (value: " + v.value() + ")");
      if (!parts.contains(part)) {
        parts.add(part);
      }
    }
    return String.join("; ", parts);
  }

  /**
   * The resource of {@code m} that a violation's focus node belongs to, or null when it is not this document's:
   * the focus itself when the document describes it, the named owner of a blank node, or, for a node the
   * document only points at (a component that was refused, say), the resource that points at it.
   */
  private static Node resourceOf(MappedSource m, Node focus) {
    Node owner = namedOwner(m.graph(), focus);
    if (owner != null && m.resources().contains(owner)) {
      return owner;
    }
    if (owner != null && m.graph().contains(owner, Node.ANY, Node.ANY)) {
      // a node the document adds triples to without describing it as a resource of its own
      m.resource(owner);
      return owner;
    }
    // a node the document only points at: the resource that points at it answers for the link
    Node target = owner != null ? owner : focus;
    for (Triple t : m.graph().find(Node.ANY, Node.ANY, target).toList()) {
      Node named = namedOwner(m.graph(), t.getSubject());
      if (named != null && m.resources().contains(named)) {
        return named;
      }
      if (named == null) {
        // what is left of a refused resource's blank nodes that another resource shared: drop it with them
        return t.getSubject();
      }
    }
    return null;
  }

  /** The node itself when named, else the named node that owns the blank node (walking up), or null. */
  private static Node namedOwner(Graph graph, Node node) {
    Node current = node;
    for (int depth = 0; depth < 16 && current != null && current.isBlank(); depth++) {
      Node blank = current;
      current = graph.find(Node.ANY, Node.ANY, Node.ANY).filterKeep(t -> t.getObject().isBlank()
          && t.getObject().getBlankNodeLabel().equals(blank.getBlankNodeLabel())).mapWith(Triple::getSubject)
          .nextOptional().orElse(null);
    }
    return current != null && current.isURI() ? current : null;
  }

  private static Node node(String text) {
    return text.startsWith("_:") ? NodeFactory.createBlankNode(text.substring(2)) : NodeFactory.createURI(text);
  }

  /** What was stored ({@code byGraph}: the documents written), with the notes on how every document was read. */
  private ImportReport report(List<MappedSource> mapped, Map<String, MappedSource> byGraph, Set<Node> existedBefore,
      List<ImportReport.Refusal> refused, LoadReport load) {
    List<ImportReport.SourceRecord> sources = new ArrayList<>();
    List<ImportReport.Resource> added = new ArrayList<>();
    List<ImportReport.Resource> replaced = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, Node> mine = new LinkedHashMap<>();
    byGraph.forEach((graph, m) -> {
      sources.add(new ImportReport.SourceRecord(m.source().name(), m.source().origin(), graph, m.source().sha256(),
          m.source().size(), catalog.store().graphSize(graph)));
      for (Node r : m.resources()) {
        ImportReport.Resource resource = new ImportReport.Resource(r.getURI(), Graphs.kind(m.graph(), r),
            Graphs.name(m.graph(), r), m.source().name());
        (existedBefore.contains(r) ? replaced : added).add(resource);
        mine.put(r.getURI(), r);
      }
    });
    // a document refused whole was read too: how it was read helps to fix it
    mapped.forEach(m -> m.notes().forEach(n -> notes.add(m.source().name() + ": " + n)));
    List<ImportReport.Warning> warnings = new ArrayList<>();
    for (Violation w : load.warnings()) {
      if (mine.containsKey(w.focusNode())) {
        warnings.add(new ImportReport.Warning(w.focusNode(), w.message()));
      }
    }
    return new ImportReport(importer.format().id(), sources,
        load.changes().stream().map(ImportReport.GraphChange::of).toList(), added, replaced, refused, warnings, notes,
        load.triples(), load.storeVersion());
  }
}
