package io.cairn.server.cli;

import io.cairn.graph.GraphStore;
import io.cairn.graph.RdfSource;
import io.cairn.graph.Violation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cairn validate FILE...}: check files against the shapes and the store, writing nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check RDF files against Cairn's SHACL shapes (with what the store holds), without loading them.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Mixin
  DataOptions data;

  @Override
  public Integer call() {
    List<RdfSource> sources = files.stream().map(RdfSource::fromFile).toList();
    // with no store yet, check against the embedded sample in memory rather than create a directory
    try (GraphStore store = data.nothingOnDisk() ? sampleInMemory() : data.openStore()) {
      List<Violation> results = store.validate(sources);
      List<Violation> violations = results.stream().filter(Violation::refuses).toList();
      List<Violation> warnings = results.stream().filter(v -> !v.refuses()).toList();
      if (!warnings.isEmpty()) {
        System.out.printf("%d warning(s) (a load goes ahead; the catalog treats the fact as unknown):%n",
            warnings.size());
        Table table = new Table("FOCUS NODE", "PATH", "MESSAGE");
        warnings.forEach(v -> table.row(v.focusNode(), v.path(), v.message()));
        table.print(new java.io.PrintWriter(System.out, true));
      }
      if (violations.isEmpty()) {
        System.out.printf("OK: %d file(s) conform to the shapes.%n", sources.size());
        return 0;
      }
      System.out.printf("%d violation(s):%n", violations.size());
      Table table = new Table("FOCUS NODE", "PATH", "MESSAGE", "VALUE");
      violations.forEach(v -> table.row(v.focusNode(), v.path(), v.message(), v.value()));
      table.print(new java.io.PrintWriter(System.out, true));
      return 1;
    }
  }

  private static GraphStore sampleInMemory() {
    GraphStore store = GraphStore.inMemory();
    store.load(io.cairn.graph.SampleData.sources());
    return store;
  }
}
