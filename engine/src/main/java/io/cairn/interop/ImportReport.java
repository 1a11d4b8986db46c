package io.cairn.interop;

import java.util.List;

/**
 * What an import of standards' documents did, all in one transaction: the sources it stored (each in its own
 * named graph), the resources it added and replaced, the resources it refused with the reason, the shapes'
 * warnings on what it stored, and notes on how it read the documents (older spellings, terms it dropped).
 */
public record ImportReport(
    String format,
    List<SourceRecord> sources,
    List<Resource> added,
    List<Resource> replaced,
    List<Refusal> refused,
    List<Warning> warnings,
    List<String> notes,
    long triples,
    long storeVersion) {

  public ImportReport {
    sources = List.copyOf(sources);
    added = List.copyOf(added);
    replaced = List.copyOf(replaced);
    refused = List.copyOf(refused);
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
  }

  /** One stored source: its name, the named graph it lives in, its checksum and size, and the triples stored. */
  public record SourceRecord(String name, String graph, String sha256, long bytes, long triples) {}

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
