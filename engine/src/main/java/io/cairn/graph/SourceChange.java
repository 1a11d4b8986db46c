package io.cairn.graph;

import java.util.Locale;

/**
 * What a load does to one source's graph: adds it, replaces what an earlier load put there, or edits it (takes
 * out what it said about resources that the load describes anew: an import replacing a resource by its identity).
 *
 * @param origin where the new triples come from (a {@code file:} URI, a classpath resource, a name)
 * @param triples triples in the graph after the load
 * @param previousTriples triples the graph held before (0 when added)
 * @param previousOrigin where the replaced triples came from; empty when added, or when an earlier Cairn loaded
 *     them without recording it (an edited graph keeps its origin: both fields hold it)
 */
public record SourceChange(String graph, String origin, long triples, Kind kind, long previousTriples,
    String previousOrigin) {

  /** Whether the graph is new, replaced, or edited. */
  public enum Kind {
    ADDED,
    REPLACED,
    /** Another source's graph, which keeps its origin and loses the triples about resources the load replaces. */
    EDITED
  }

  static SourceChange added(String graph, String origin, long triples) {
    return new SourceChange(graph, origin, triples, Kind.ADDED, 0, "");
  }

  static SourceChange replaced(String graph, String origin, long triples, long previousTriples,
      String previousOrigin) {
    return new SourceChange(graph, origin, triples, Kind.REPLACED, previousTriples, previousOrigin);
  }

  static SourceChange edited(String graph, String origin, long triples, long previousTriples) {
    return new SourceChange(graph, origin, triples, Kind.EDITED, previousTriples, origin);
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
    return text("added", "replaced", "took");
  }

  /** For people, as a plan that was not carried out ({@code validate}): {@code would replace graph G ...}. */
  public String describePlan() {
    return text("would add", "would replace", "would take");
  }

  private String text(String add, String replace, String take) {
    if (kind == Kind.EDITED) {
      String from = graph.equals(RdfSource.GRAPH_PREFIX + origin) || origin.isEmpty() ? "" : " (from " + origin + ")";
      return String.format(Locale.ROOT, "%s %,d triples out of graph %s%s, about resources this load replaces;"
          + " %,d remain", take, previousTriples - triples, graph, from, triples);
    }
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
