package io.cairn.interop;

import com.apicatalog.jsonld.JsonLdOptions;
import jakarta.json.Json;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.jsonld.TitaniumJsonLdOptions;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads JSON-LD into a Jena graph with Jena's Titanium-based reader, contexts resolved offline. JSON-LD drops
 * keys its context does not define without a word; this reader catches them instead: it expands with a fallback
 * vocabulary, so an undefined key {@code foo} becomes the predicate (or class) {@code urn:cairn:undefined-term:foo},
 * which the importers either read as an older spelling or report and drop. It also reads {@code id} and
 * {@code type} as {@code @id} and {@code @type} when a document's context does not say otherwise (older registry
 * documents rely on that).
 */
public final class JsonLdReader {
  /** Namespace of keys the document's contexts do not define. */
  public static final String UNDEFINED = "urn:cairn:undefined-term:";

  private final OfflineDocumentLoader loader;

  public JsonLdReader(OfflineDocumentLoader loader) {
    this.loader = loader;
  }

  /** What a document read as: its triples, and the keys its contexts did not define (now under {@link #UNDEFINED}). */
  public record Parsed(Graph graph, Set<String> undefinedTerms) {}

  /**
   * Parses one JSON-LD document.
   *
   * @param name the document's name, for messages
   * @param base the base IRI that relative identifiers resolve against
   * @throws StandardFormatException when it is not JSON-LD, or names a context that is not offline
   */
  public Parsed read(String name, String json, String base) {
    JsonLdOptions options = new JsonLdOptions(loader);
    options.setExpandContext(Json.createObjectBuilder()
        .add("@vocab", UNDEFINED)
        .add("id", "@id")
        .add("type", "@type")
        .build());
    Context context = Context.create().set(TitaniumJsonLdOptions.JSONLD_OPTIONS, options);
    // a top-level "@id" with "@graph" makes a named graph (the registry serves its documents so): read a
    // dataset and take every graph's triples
    DatasetGraph dataset = DatasetGraphFactory.create();
    try {
      RDFParser.create()
          .fromString(json)
          .lang(Lang.JSONLD11)
          .base(base)
          .context(context)
          .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
          .parse(dataset);
    } catch (RiotException e) {
      throw new StandardFormatException(name + ": not valid JSON-LD: " + message(e), e);
    }
    Graph graph = GraphFactory.createDefaultGraph();
    dataset.find().forEachRemaining(q -> graph.add(q.asTriple()));
    return new Parsed(graph, undefinedTerms(graph));
  }

  private static Set<String> undefinedTerms(Graph graph) {
    Set<String> terms = new TreeSet<>();
    graph.find().forEachRemaining(t -> {
      if (t.getPredicate().getURI().startsWith(UNDEFINED)) {
        terms.add(t.getPredicate().getURI().substring(UNDEFINED.length()));
      }
      if (t.getPredicate().equals(RDF.type.asNode()) && t.getObject().isURI()
          && t.getObject().getURI().startsWith(UNDEFINED)) {
        terms.add(t.getObject().getURI().substring(UNDEFINED.length()));
      }
    });
    return terms;
  }

  /** Removes every triple that uses an undefined term (as predicate or class). */
  public static void dropUndefined(Graph graph) {
    java.util.List<Triple> doomed = new java.util.ArrayList<>();
    graph.find().forEachRemaining(t -> {
      if (isUndefined(t.getPredicate()) || (t.getPredicate().equals(RDF.type.asNode()) && isUndefined(t.getObject()))) {
        doomed.add(t);
      }
    });
    doomed.forEach(graph::delete);
  }

  private static boolean isUndefined(Node node) {
    return node.isURI() && node.getURI().startsWith(UNDEFINED);
  }

  /** The IRI an undefined key was read as. */
  public static Node undefined(String term) {
    return NodeFactory.createURI(UNDEFINED + term);
  }

  private static String message(RiotException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String m = cause.getMessage();
    return m == null ? e.getMessage() : m;
  }
}
