package io.cairn.graph;

import java.util.Locale;

/**
 * What a load does to one source's graph: adds it, or replaces what an earlier load put there.
 *
 * @param origin where the new triples come from (a {@code file:} URI, a classpath resource, a name)
 * @param triples triples in the graph after the load
 * @param previousTriples triples the graph held before (0 when added)
 * @param previousOrigin where the replaced triples came from; empty when added, or when an earlier Cairn loaded
 *     them without recording it
 */
public record SourceChange(String graph, String origin, long triples, Kind kind, long previousTriples,
    String previousOrigin) {

  /** Whether the graph is new or replaced. */
  public enum Kind {
    ADDED,
    REPLACED
  }

  static SourceChange added(String graph, String origin, long triples) {
    return new SourceChange(graph, origin, triples, Kind.ADDED, 0, "");
  }

  static SourceChange replaced(String graph, String origin, long triples, long previousTriples,
      String previousOrigin) {
    return new SourceChange(graph, origin, triples, Kind.REPLACED, previousTriples, previousOrigin);
  }

  /** True when the graph held triples from another source before (or from one that did not say). */
  public boolean replacesAnotherSource() {
    return kind == Kind.REPLACED && !previousOrigin.equals(origin);
  }

  /** The same change with the graph's final size, once it is known (a streamed import). */
  SourceChange withTriples(long count) {
    return new SourceChange(graph, origin, count, kind, previousTriples, previousOrigin);
  }

  /** For people, as done: {@code replaced graph G (120 triples) with 80 from file:///…}. */
  public String describe() {
    return text("added", "replaced");
  }

  /** For people, as a plan that was not carried out ({@code validate}): {@code would replace graph G ...}. */
  public String describePlan() {
    return text("would add", "would replace");
  }

  private String text(String add, String replace) {
    if (kind == Kind.ADDED) {
      // a file's graph is named after it: saying where it came from again would only repeat the path
      String from = graph.equals(RdfSource.GRAPH_PREFIX + origin) ? "" : " from " + origin;
      return String.format(Locale.ROOT, "%s graph %s (%,d triples)%s", add, graph, triples, from);
    }
    String from = origin.equals(previousOrigin) ? " from the same source"
        : " from " + origin + "; it came from " + (previousOrigin.isEmpty() ? "a load that did not record its origin"
            : previousOrigin);
    return String.format(Locale.ROOT, "%s graph %s (%,d triples) with %,d%s", replace, graph, previousTriples,
        triples, from);
  }
}
