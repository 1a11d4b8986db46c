package io.cairn.interop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * What an importer made of one document, before it is checked against the store: the graph to store (the
 * standard's own triples and the mapping into Cairn's model), the resources it describes (which an import adds or
 * replaces), what the importer already refused, and notes on how it read the document.
 */
public final class MappedSource {
  private final ImportSource source;
  private final StandardFormat format;
  private final Graph graph;
  private final Set<Node> resources = new LinkedHashSet<>();
  private final List<ImportReport.Refusal> refusals = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public MappedSource(ImportSource source, StandardFormat format, Graph graph) {
    this.source = Objects.requireNonNull(source);
    this.format = Objects.requireNonNull(format);
    this.graph = Objects.requireNonNull(graph);
  }

  public ImportSource source() {
    return source;
  }

  public StandardFormat format() {
    return format;
  }

  /** The graph to store; the import removes refused resources from it. */
  public Graph graph() {
    return graph;
  }

  /** The resources (named nodes) this document describes, in the order it describes them. */
  public Set<Node> resources() {
    return resources;
  }

  public List<ImportReport.Refusal> refusals() {
    return refusals;
  }

  public List<String> notes() {
    return notes;
  }

  /** Adds a resource the document describes. */
  public MappedSource resource(Node iri) {
    if (iri.isURI()) {
      resources.add(iri);
    }
    return this;
  }

  /** Records that the importer refused {@code resource} (it is not in the graph). */
  public MappedSource refuse(String resource, String kind, String reason) {
    refusals.add(new ImportReport.Refusal(resource, kind, source.name(), reason));
    return this;
  }

  /** Records how the document was read (an older spelling accepted, a term dropped, an upstream rule broken). */
  public MappedSource note(String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
    return this;
  }
}
