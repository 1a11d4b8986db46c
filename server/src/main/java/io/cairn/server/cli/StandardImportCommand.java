package io.cairn.server.cli;

import io.cairn.Standards;
import io.cairn.graph.LiveCatalog;
import io.cairn.interop.ImportReport;
import io.cairn.interop.ImportSource;
import io.cairn.interop.StandardFormat;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn import ctdl|elm|ob3|case FILE|DIR...}: a standard's documents into the store, each a source with its
 * own named graph (named after the file's absolute path, as {@code cairn load} names a file's), in one transaction;
 * prints what it did to each graph as {@code load} does, then the resources added, replaced and refused (with the
 * reason). {@code --graph} and {@code --replace} work as for {@code load}.
 */
abstract class StandardImportCommand implements Runnable {
  @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
      description = "Documents, or folders whose documents (not subfolders) are imported")
  List<Path> paths;

  @Mixin
  SourceOptions source;

  @Mixin
  DataOptions data;

  abstract StandardFormat format();

  /** Mapping files that go with the documents (CASE only). */
  List<ImportSource> mappings() {
    return List.of();
  }

  @Override
  public void run() {
    List<ImportSource> sources = Standards.read(format(), paths);
    String graph = source.graphFor(sources.size());
    if (graph != null) {
      sources = List.of(sources.getFirst().named(graph));
    }
    Standards standards = Standards.fromSettings();
    try (LiveCatalog catalog = data.openCatalog()) {
      System.err.println("Importing " + sources.size() + " " + format().title() + " document(s) into "
          + catalog.store().description() + " ...");
      ImportReport report = standards.importDocuments(catalog, format(), sources, mappings(),
          source.mode(), Clock.systemUTC(),
          message -> System.err.println("  " + message));
      print(report, System.out);
      System.out.printf("Catalog now: %d competencies, %d credentials, %d pathways.%n",
          catalog.snapshot().competencies().size(), catalog.snapshot().credentials().size(),
          catalog.snapshot().pathways().size());
    }
  }

  static void print(ImportReport report, PrintStream out) {
    report.changes().forEach(change -> out.println("  " + change.description()));
    Table sources = new Table("SOURCE", "TRIPLES", "SHA-256");
    report.sources().forEach(s -> sources.row(s.name(), Long.toString(s.triples()),
        s.sha256().substring(0, 16) + "..."));
    sources.print(new java.io.PrintWriter(out, true));
    out.printf("Added %d, replaced %d, refused %d resource(s); %d triples; store version %d.%n",
        report.added().size(), report.replaced().size(), report.refused().size(), report.triples(),
        report.storeVersion());
    printKinds("  added", report.added(), ImportReport.Resource::kind, out);
    printKinds("  replaced", report.replaced(), ImportReport.Resource::kind, out);
    if (!report.refused().isEmpty()) {
      out.println("Refused (nothing of these was stored):");
      report.refused().forEach(r -> out.println("  " + r.kind() + " " + r.resource() + " (" + r.source() + "): "
          + r.reason()));
    }
    if (!report.warnings().isEmpty()) {
      Map<String, Long> byMessage = report.warnings().stream()
          .collect(Collectors.groupingBy(ImportReport.Warning::message, TreeMap::new, Collectors.counting()));
      out.println("Warnings (stored; the catalog treats the fact as unknown):");
      byMessage.forEach((message, n) -> out.println("  " + n + " x " + message));
    }
    if (!report.notes().isEmpty()) {
      out.println("Notes:");
      report.notes().forEach(n -> out.println("  " + n));
    }
  }

  private static <T> void printKinds(String label, List<T> resources, Function<T, String> kind, PrintStream out) {
    if (!resources.isEmpty()) {
      Map<String, Long> byKind = resources.stream().collect(Collectors.groupingBy(kind, TreeMap::new,
          Collectors.counting()));
      out.println(label + ": " + byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
          .collect(Collectors.joining(", ")));
    }
  }
}
