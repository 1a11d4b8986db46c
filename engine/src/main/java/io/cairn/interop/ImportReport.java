package io.cairn.interop;

import io.cairn.graph.SourceChange;
import java.util.List;
import java.util.Locale;

/**
 * What an import of standards' documents did, all in one transaction: the sources it stored (each in its own
 * named graph), what it did to each graph (added, replaced, or edited: as {@code cairn load} reports it), the
 * resources it added and replaced, the resources it refused with the reason, the shapes' warnings on what it
 * stored, and notes on how it read the documents (older spellings, terms it dropped).
 */
public record ImportReport(
    String format,
    List<SourceRecord> sources,
    List<GraphChange> changes,
    List<Resource> added,
    List<Resource> replaced,
    List<Refusal> refused,
    List<Warning> warnings,
    List<String> notes,
    long triples,
    long storeVersion) {

  public ImportReport {
    sources = List.copyOf(sources);
    changes = List.copyOf(changes);
    added = List.copyOf(added);
    replaced = List.copyOf(replaced);
    refused = List.copyOf(refused);
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
  }

  /**
   * One stored source: its name, where it came from, the named graph it lives in, its checksum and size, and the
   * triples stored.
   */
  public record SourceRecord(String name, String origin, String graph, String sha256, long bytes, long triples) {}

  /**
   * What the import did to one named graph, as {@link SourceChange} says it: {@code added}, {@code replaced}
   * (what the same source, or with {@code --replace} another, imported before) or {@code edited} (another source's
   * graph, which lost what it said about resources this import replaces), with the words {@code cairn load} prints.
   */
  public record GraphChange(String graph, String kind, String origin, long triples, long previousTriples,
      String previousOrigin, String description) {
    /** The change as the store reported it. */
    public static GraphChange of(SourceChange change) {
      return new GraphChange(change.graph(), change.kind().name().toLowerCase(Locale.ROOT), change.origin(),
          change.triples(), change.previousTriples(), change.previousOrigin(), change.describe());
    }
  }

  /**
   * A resource of the import: its IRI, its kind (the local name of its standard's class: {@code Certificate},
   * {@code Pathway}, {@code CFItem}, ...), its name where it has one, and the source it came from.
   */
  public record Resource(String iri, String kind, String name, String source) {}

  /** A resource left out, and why; nothing of it was stored. */
  public record Refusal(String resource, String kind, String source, String reason) {}

  /** A gap the shapes report on a stored resource (an unknown workload, say); it does not refuse. */
  public record Warning(String resource, String message) {}
}
