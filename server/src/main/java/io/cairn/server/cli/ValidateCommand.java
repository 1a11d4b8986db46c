package io.cairn.server.cli;

import io.cairn.graph.GraphStore;
import io.cairn.graph.RdfSource;
import io.cairn.graph.SourceChange;
import io.cairn.graph.SourceConflictException;
import io.cairn.graph.Violation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn validate FILE...}: check files against the shapes and the store, writing nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check RDF files against Cairn's SHACL shapes (with what the store holds), without loading them,",
        "and say what loading them would do to each source graph (add or replace). Opens the store read-only."})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Option(names = "--graph", paramLabel = "NAME", description = "As for load: check the one FILE as this source graph")
  String graph;

  @Option(names = "--replace", description = "As for load: allow replacing graphs that another source filled")
  boolean replace;

  @Mixin
  DataOptions data;

  @Override
  public Integer call() {
    List<RdfSource> sources = sources(files, graph);
    try (GraphStore store = data.openStoreForReading()) {
      List<SourceChange> plan;
      try {
        plan = store.plan(sources, replace ? GraphStore.LoadMode.REPLACE : GraphStore.LoadMode.ADD_OR_RELOAD);
      } catch (SourceConflictException e) {
        System.out.println("Refused: " + e.getMessage());
        return 1;
      }
      List<Violation> violations = store.validate(sources);
      if (violations.isEmpty()) {
        System.out.printf("OK: %d file(s) conform to the shapes; loading them would:%n", sources.size());
        plan.forEach(change -> System.out.println("  " + change.describePlan()));
        return 0;
      }
      System.out.printf("%d violation(s):%n", violations.size());
      Table table = new Table("FOCUS NODE", "PATH", "MESSAGE", "VALUE");
      violations.forEach(v -> table.row(v.focusNode(), v.path(), v.message(), v.value()));
      table.print(new java.io.PrintWriter(System.out, true));
      return 1;
    }
  }

  /** The files parsed, as the sources they are (or, with {@code graph}, the one file as that source graph). */
  static List<RdfSource> sources(List<Path> files, String graph) {
    if (graph != null && files.size() != 1) {
      throw new CliException("--graph names the graph of one file; give one FILE with it (got " + files.size() + ")");
    }
    List<RdfSource> sources = files.stream().map(RdfSource::fromFile).toList();
    return graph == null ? sources : List.of(sources.getFirst().named(graph));
  }
}
