package io.cairn.interop;

import io.cairn.graph.RdfSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Names the named graph an imported document lives in. The one place that decides it: a source is its format and
 * its name (the file name, or the name an upload gives), so re-importing a source replaces its graph whole.
 */
public final class SourceGraphs {
  private SourceGraphs() {}

  /** The graph of source {@code name} imported as {@code format}: {@code urn:cairn:source:ctdl:FILE}. */
  public static String graphName(StandardFormat format, String name) {
    return RdfSource.GRAPH_PREFIX + format.id() + ":" + URLEncoder.encode(name, StandardCharsets.UTF_8);
  }
}
