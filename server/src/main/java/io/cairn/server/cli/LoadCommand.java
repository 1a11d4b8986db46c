package io.cairn.server.cli;

import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.LoadReport;
import io.cairn.graph.RdfSource;
import io.cairn.graph.SourceChange;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn load FILE...}: validate and load RDF files into the store, all or nothing. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Load RDF files into the store in one transaction; a file that breaks the shapes refuses them all.",
        "Each file is a source with its own graph, named after its absolute path: loading the same file again",
        "replaces what it loaded before (and says so); a file of the same name elsewhere is another source.",
        "Replacing a graph that another source filled needs --replace."})
final class LoadCommand implements Runnable {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Turtle, N-Triples, JSON-LD or RDF/XML files")
  List<Path> files;

  @Option(names = "--graph", paramLabel = "NAME",
      description = "Load the one FILE into this source graph instead (an IRI, or a short name such as"
          + " pathways.ttl for the sample's pathways)")
  String graph;

  @Option(names = "--replace",
      description = "Allow replacing graphs that another source filled (such as the sample's, with --graph)")
  boolean replace;

  @Mixin
  DataOptions data;

  @Override
  public void run() {
    List<RdfSource> sources = ValidateCommand.sources(files, graph);
    try (LiveCatalog catalog = data.openCatalog()) {
      GraphStore store = catalog.store();
      LoadReport report = catalog.load(sources,
          replace ? GraphStore.LoadMode.REPLACE : GraphStore.LoadMode.ADD_OR_RELOAD);
      report.changes().stream().map(SourceChange::describe).forEach(line -> System.out.println("  " + line));
      System.out.printf("Loaded %d triples from %d file(s) into %s; store version %d.%n", report.triples(),
          report.graphs().size(), store.description(), report.storeVersion());
      System.out.printf("Catalog now: %d competencies, %d credentials, %d pathways.%n",
          catalog.snapshot().competencies().size(), catalog.snapshot().credentials().size(),
          catalog.snapshot().pathways().size());
    }
  }
}
