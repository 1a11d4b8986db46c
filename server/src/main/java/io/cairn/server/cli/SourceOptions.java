package io.cairn.server.cli;

import io.cairn.graph.GraphStore;
import picocli.CommandLine.Option;

/**
 * {@code --graph} and {@code --replace}, for the commands that write sources ({@code load}, {@code import ctdl|elm|
 * ob3|case}): which graph the one file goes into instead of the one named after its path, and whether a graph that
 * another source filled may be replaced.
 */
final class SourceOptions {
  @Option(names = "--graph", paramLabel = "NAME",
      description = "Put the one FILE into this source graph instead (an IRI, or a short name such as"
          + " pathways.ttl for the sample's pathways)")
  String graph;

  @Option(names = "--replace",
      description = "Allow replacing graphs that another source filled (such as the sample's, with --graph)")
  boolean replace;

  /** What the store may replace. */
  GraphStore.LoadMode mode() {
    return replace ? GraphStore.LoadMode.REPLACE : GraphStore.LoadMode.ADD_OR_RELOAD;
  }

  /** {@code --graph}'s value, checked to name the graph of one file only. */
  String graphFor(int files) {
    if (graph != null && files != 1) {
      throw new CliException("--graph names the graph of one file; give one FILE with it (got " + files + ")");
    }
    return graph;
  }
}
