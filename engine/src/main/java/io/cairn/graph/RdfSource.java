package io.cairn.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * A parsed RDF document ready to load: its name (for messages), the named graph it goes into, where it came from,
 * and its triples.
 *
 * <p>A source's identity is its graph, and a file's graph is derived from the file's canonical absolute path
 * ({@code urn:cairn:source:file:///…/pathways.ttl}), never from its content or its bare file name: loading the
 * same file again (after editing it, say) replaces what it loaded before, while another folder's
 * {@code pathways.ttl} is another source. {@link #named} picks a graph explicitly instead; the store refuses to
 * replace a graph that came from elsewhere unless told to (see {@link GraphStore.LoadMode}).
 *
 * @param origin where the triples came from: a {@code file:} URI, {@code classpath:} and a resource, or a name
 */
public record RdfSource(String name, String graphName, String origin, Graph graph) {

  /** Graph names of loaded sources start with this. */
  public static final String GRAPH_PREFIX = "urn:cairn:source:";
  private static final Pattern GRAPH_NAME = Pattern.compile("[^\\s<>\"{}|^`\\\\]+");

  public RdfSource {
    Objects.requireNonNull(name);
    Objects.requireNonNull(graphName);
    Objects.requireNonNull(origin);
    Objects.requireNonNull(graph);
  }

  /**
   * Parses a file; the syntax comes from its extension (.ttl, .nt, .jsonld, .rdf, ...). Its graph is derived
   * from its canonical absolute path.
   */
  public static RdfSource fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new RdfSyntaxException(file.toString(), "no such file (or not a regular file)");
    }
    Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
    if (lang == null) {
      throw new RdfSyntaxException(file.toString(),
          "unknown RDF syntax; name the file .ttl, .nt, .nq, .trig, .jsonld or .rdf");
    }
    String origin;
    try {
      origin = file.toRealPath().toUri().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + file, e);
    }
    CrashPoints.reach("parse " + file.getFileName());
    try (InputStream in = Files.newInputStream(file)) {
      return parse(file.getFileName().toString(), GRAPH_PREFIX + origin, origin, RDFParser.create().source(in), lang);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a classpath resource, named by its last path segment (which is also its graph's name). */
  public static RdfSource fromClasspath(String resource) {
    InputStream in = RdfSource.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    try (in) {
      return parse(name, GRAPH_PREFIX + name, "classpath:" + resource, RDFParser.create().source(in),
          RDFLanguages.filenameToLang(name, Lang.TURTLE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses text in the given syntax, such as an upload; {@code name} identifies it in errors, graph and origin. */
  public static RdfSource fromText(String name, String text, Lang lang) {
    return parse(name, GRAPH_PREFIX + name, name, RDFParser.create().source(new StringReader(text)), lang);
  }

  /**
   * The same triples loaded as the source {@code chosen} instead: a full graph IRI or a short name that gets
   * {@link #GRAPH_PREFIX} ({@code pathways.ttl} names the sample's pathways).
   *
   * @throws IllegalArgumentException when the name is blank or could not be an IRI
   */
  public RdfSource named(String chosen) {
    String trimmed = chosen == null ? "" : chosen.strip();
    if (trimmed.isEmpty() || !GRAPH_NAME.matcher(trimmed).matches()) {
      throw new IllegalArgumentException("a graph name must be a non-empty IRI or short name without spaces,"
          + " quotes or angle brackets, such as 'my-credentials' or '" + GRAPH_PREFIX + "my-credentials'; got '"
          + chosen + "'");
    }
    return new RdfSource(name, trimmed.startsWith(GRAPH_PREFIX) ? trimmed : GRAPH_PREFIX + trimmed, origin, graph);
  }

  private static RdfSource parse(String name, String graphName, String origin,
      org.apache.jena.riot.RDFParserBuilder parser, Lang lang) {
    Graph graph = GraphFactory.createDefaultGraph();
    try {
      parser.lang(lang).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(graph);
    } catch (RiotException e) {
      throw new RdfSyntaxException(name, e.getMessage());
    }
    return new RdfSource(name, graphName, origin, graph);
  }
}
