package io.cairn.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The one rule that names a source's graph, for everything that writes one ({@code cairn load}, the standards'
 * importers, uploads): a source is where its triples came from (its origin), and its graph is
 * {@code urn:cairn:source:} followed by that origin. A file's origin is its canonical absolute path as a
 * {@code file:} URI, so the same file loaded or imported again is the same source and replaces what it wrote
 * before, while a file of the same name in another folder is another source. A graph may also be chosen by name
 * ({@code --graph}); the store then refuses to replace a graph that another origin filled unless told to (see
 * {@link GraphStore.LoadMode}).
 */
public final class SourceIdentity {
  private static final Pattern GRAPH_NAME = Pattern.compile("[^\\s<>\"{}|^`\\\\]+");

  private SourceIdentity() {}

  /** The graph of the source that came from {@code origin}. */
  public static String graphOf(String origin) {
    return RdfSource.GRAPH_PREFIX + origin;
  }

  /** The origin of a file: its canonical absolute path as a {@code file:} URI (links resolved). */
  public static String fileOrigin(Path file) {
    try {
      return file.toRealPath().toUri().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + file, e);
    }
  }

  /**
   * A graph chosen by name: a full graph IRI, or a short name that gets {@link RdfSource#GRAPH_PREFIX}
   * ({@code pathways.ttl} names the sample's pathways).
   *
   * @throws IllegalArgumentException when the name is blank or could not be an IRI
   */
  public static String chosenGraph(String chosen) {
    String trimmed = chosen == null ? "" : chosen.strip();
    if (trimmed.isEmpty() || !GRAPH_NAME.matcher(trimmed).matches()) {
      throw new IllegalArgumentException("a graph name must be a non-empty IRI or short name without spaces,"
          + " quotes or angle brackets, such as 'my-credentials' or '" + RdfSource.GRAPH_PREFIX + "my-credentials';"
          + " got '" + chosen + "'");
    }
    return trimmed.startsWith(RdfSource.GRAPH_PREFIX) ? trimmed : RdfSource.GRAPH_PREFIX + trimmed;
  }
}
