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
 * A parsed RDF document ready to load: its name (a file name) and the named graph it replaces in the store.
 * Loading the same source twice leaves the store as loading it once, because it replaces its own graph.
 */
public record RdfSource(String name, String graphName, Graph graph) {

  /** Graph names of loaded sources start with this. */
  public static final String GRAPH_PREFIX = "urn:cairn:source:";

  public RdfSource {
    Objects.requireNonNull(name);
    Objects.requireNonNull(graphName);
    Objects.requireNonNull(graph);
  }

  /** Parses a file; the syntax comes from its extension (.ttl, .nt, .jsonld, .rdf, ...). */
  public static RdfSource fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new RdfSyntaxException(file.toString(), "no such file (or not a regular file)");
    }
    Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
    if (lang == null) {
      throw new RdfSyntaxException(file.toString(),
          "unknown RDF syntax; name the file .ttl, .nt, .nq, .trig, .jsonld or .rdf");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(file.getFileName().toString(), in, lang);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a classpath resource, named by its last path segment. */
  public static RdfSource fromClasspath(String resource) {
    InputStream in = RdfSource.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    try (in) {
      return parse(name, in, RDFLanguages.filenameToLang(name, Lang.TURTLE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses text in the given syntax, such as an upload; {@code name} identifies it in errors and graph names. */
  public static RdfSource fromText(String name, String text, Lang lang) {
    return parse(name, RDFParser.create().source(new StringReader(text)), lang);
  }

  private static RdfSource parse(String name, InputStream in, Lang lang) {
    return parse(name, RDFParser.create().source(in), lang);
  }

  private static RdfSource parse(String name, org.apache.jena.riot.RDFParserBuilder parser, Lang lang) {
    Graph graph = GraphFactory.createDefaultGraph();
    try {
      parser.lang(lang).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(graph);
    } catch (RiotException e) {
      throw new RdfSyntaxException(name, e.getMessage());
    }
    return new RdfSource(name, GRAPH_PREFIX + name, graph);
  }
}
