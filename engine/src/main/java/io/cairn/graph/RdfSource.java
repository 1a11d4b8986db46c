package io.cairn.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
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
 * <p>A source's identity is its graph, named from its origin by {@link SourceIdentity}: a file's graph is derived
 * from the file's canonical absolute path ({@code urn:cairn:source:file:///…/pathways.ttl}), never from its
 * content or its bare file name. {@link #named} picks a graph explicitly instead.
 *
 * @param origin where the triples came from: a {@code file:} URI, {@code classpath:} and a resource, or a name
 */
public record RdfSource(String name, String graphName, String origin, Graph graph) {

  /** Graph names of loaded sources start with this. */
  public static final String GRAPH_PREFIX = "urn:cairn:source:";

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
    String origin = SourceIdentity.fileOrigin(file);
    CrashPoints.reach("parse " + file.getFileName());
    try (InputStream in = Files.newInputStream(file)) {
      return parse(file.getFileName().toString(), SourceIdentity.graphOf(origin), origin,
          RDFParser.create().source(in), lang);
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
    return parse(name, SourceIdentity.graphOf(name), name, RDFParser.create().source(new StringReader(text)), lang);
  }

  /**
   * The same triples loaded into the graph {@code chosen} instead (see {@link SourceIdentity#chosenGraph}), keeping
   * their origin.
   *
   * @throws IllegalArgumentException when the name is blank or could not be an IRI
   */
  public RdfSource named(String chosen) {
    return new RdfSource(name, SourceIdentity.chosenGraph(chosen), origin, graph);
  }

  private static RdfSource parse(String name, String graphName, String origin,
      org.apache.jena.riot.RDFParserBuilder parser, Lang lang) {
    return new RdfSource(name, graphName, origin, parseStrictly(name, parser, lang));
  }

  /**
   * Parses {@code parser}'s input strictly into a new graph: any error is an {@link RdfSyntaxException} naming
   * {@code name}, and so is nesting deeper than the parser can follow (Jena's Turtle parser recurses once per
   * nested blank node or list, so 20,000 nested {@code [ ]} would overflow its stack).
   */
  public static Graph parseStrictly(String name, org.apache.jena.riot.RDFParserBuilder parser, Lang lang) {
    Graph graph = GraphFactory.createDefaultGraph();
    try {
      parser.lang(lang).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(graph);
    } catch (RiotException e) {
      throw new RdfSyntaxException(name, e.getMessage());
    } catch (StackOverflowError e) {
      // the parser's frames are gone once this is caught: nothing else was running on them
      throw new RdfSyntaxException(name, "nested too deeply to read (blank nodes or lists inside one another,"
          + " thousands deep); name the nested nodes, or flatten the data");
    }
    return graph;
  }
}
