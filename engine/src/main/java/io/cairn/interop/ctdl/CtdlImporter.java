package io.cairn.interop.ctdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.interop.DocumentGraphs;
import io.cairn.interop.Graphs;
import io.cairn.interop.ImportSource;
import io.cairn.interop.JsonLdReader;
import io.cairn.interop.MappedSource;
import io.cairn.interop.NothingToImportException;
import io.cairn.interop.MappingQueries;
import io.cairn.interop.Outcomes;
import io.cairn.interop.SharedStandards;
import io.cairn.interop.Skolem;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.StandardFormatException;
import io.cairn.interop.StandardImporter;
import io.cairn.interop.StoreLookup;
import io.cairn.interop.Vocab;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads CTDL and CTDL-ASN as the Credential Engine registry serves them (JSON-LD: a {@code @graph}, a single
 * resource, or a registry envelope whose {@code decoded_resource} holds one; or Turtle) and maps them into
 * Cairn's model: credentials of every CTDL class, courses and assessments, their workload, delivery, EQF level,
 * ECTS, cost, parts and competencies, pathways with their components and conditions, and competency frameworks.
 * The older spellings the registry's examples still use are accepted and reported.
 */
public final class CtdlImporter implements StandardImporter {
  private final JsonLdReader jsonLd;
  private final CtdlTerms terms;
  private final Graph ontology;

  public CtdlImporter(JsonLdReader jsonLd, SharedStandards standards, Graph ontology) {
    this.jsonLd = jsonLd;
    this.terms = CtdlTerms.load(standards);
    this.ontology = ontology;
  }

  @Override
  public StandardFormat format() {
    return StandardFormat.CTDL;
  }

  @Override
  public MappedSource map(ImportSource source, StoreLookup lookup) {
    String base = DocumentGraphs.base(source);
    Graph graph;
    MappedSource mapped;
    if (DocumentGraphs.isRdfText(source)) {
      graph = DocumentGraphs.rdf(source, base);
      mapped = new MappedSource(source, StandardFormat.CTDL, graph);
    } else {
      JsonNode json = DocumentGraphs.json(source);
      List<String> notes = new ArrayList<>();
      if (json.isObject() && json.has("decoded_resource")) {
        json = json.get("decoded_resource");
        notes.add("read the registry envelope's decoded_resource");
      }
      JsonLdReader.Parsed parsed = jsonLd.read(source.name(), DocumentGraphs.text(json), base);
      graph = parsed.graph();
      CtdlOrder.positions(json, graph);
      mapped = new MappedSource(source, StandardFormat.CTDL, graph);
      notes.forEach(mapped::note);
      readUndefined(mapped, parsed.undefinedTerms());
    }
    httpNamespace(mapped);
    olderSpellings(mapped);
    int constrained = graph.find(Node.ANY, Vocab.uri(Vocab.CETERMS + "hasConstraint"), Node.ANY).toList().size();
    if (constrained > 0) {
      mapped.note(constrained + " ceterms:hasConstraint rule(s) (sums of credits, grades, ...) kept as CTDL only: "
          + "Cairn's requirement trees count components, conditions and ECTS, not constraints; a condition stated "
          + "only by constraints is refused");
    }
    JsonLdReader.dropUndefined(graph);
    Skolem.nameBlankNodes(graph, Map.of(Vocab.CETERMS + "ComponentCondition", "condition",
        Vocab.CETERMS + "PathwayComponent", "component"), ontology);
    MappingQueries.update(CtdlImporter.class, "components", withOntology(graph));
    MappingQueries.update(CtdlImporter.class, "to-cairn", withOntology(graph));
    Outcomes.alignKnownSkills(graph, lookup);
    CtdlOccupations.goals(graph, lookup);
    resources(mapped);
    if (mapped.resources().isEmpty()) {
      throw new NothingToImportException(source.name() + ": no CTDL resource in it (no node with a CTDL or "
          + "CTDL-ASN class); is it CTDL?");
    }
    return mapped;
  }

  /** The document's graph with the CTDL class hierarchy beside it, for the mapping queries. */
  private Map<String, Graph> withOntology(Graph graph) {
    return Map.of("", graph, "urn:cairn:ontology", ontology);
  }

  /**
   * Keys the contexts did not define: a bare CTDL or CTDL-ASN term name (as older registry documents write them)
   * is read as that term; anything else is reported and, unless an older spelling reads it, dropped.
   */
  private void readUndefined(MappedSource mapped, Set<String> undefined) {
    Graph graph = mapped.graph();
    Map<String, String> read = new TreeMap<>();
    List<String> unknown = new ArrayList<>();
    for (String term : undefined) {
      String iri = terms.iriOf(term);
      if (iri == null) {
        unknown.add(term);
        continue;
      }
      read.put(term, iri);
      Node from = JsonLdReader.undefined(term);
      Node to = Vocab.uri(iri);
      boolean iris = terms.takesIris(iri);
      for (Triple t : graph.find(Node.ANY, from, Node.ANY).toList()) {
        graph.delete(t);
        // without its context definition the value was read as a string; the term's values are IRIs
        Node object = iris && t.getObject().isLiteral() ? Vocab.uri(t.getObject().getLiteralLexicalForm())
            : t.getObject();
        graph.add(Triple.create(t.getSubject(), to, object));
      }
      for (Triple t : graph.find(Node.ANY, RDF.type.asNode(), from).toList()) {
        graph.delete(t);
        graph.add(Triple.create(t.getSubject(), RDF.type.asNode(), to));
      }
    }
    if (!read.isEmpty()) {
      mapped.note("older spelling: bare term names without a prefix, read as CTDL terms: " + String.join(", ",
          read.keySet()));
    }
    if (!unknown.isEmpty()) {
      mapped.note("keys the CTDL contexts do not define (dropped unless an older spelling reads them): "
          + String.join(", ", unknown));
    }
  }

  /** Older material uses http://purl.org/ctdl/terms/ (a different IRI from the current https one). */
  private static void httpNamespace(MappedSource mapped) {
    Graph graph = mapped.graph();
    int rewritten = 0;
    for (Triple t : graph.find().toList()) {
      Triple fixed = Triple.create(https(t.getSubject()), https(t.getPredicate()), https(t.getObject()));
      if (!fixed.equals(t)) {
        graph.delete(t);
        graph.add(fixed);
        rewritten++;
      }
    }
    if (rewritten > 0) {
      mapped.note("older spelling: the http:// CTDL namespace (" + rewritten + " triples), read as https://purl.org/ctdl/");
    }
  }

  private static Node https(Node node) {
    if (node.isURI()) {
      String iri = node.getURI();
      if (iri.startsWith(Vocab.CETERMS_HTTP)) {
        return Vocab.uri(Vocab.CETERMS + iri.substring(Vocab.CETERMS_HTTP.length()));
      }
      if (iri.startsWith(Vocab.CEASN_HTTP)) {
        return Vocab.uri(Vocab.CEASN + iri.substring(Vocab.CEASN_HTTP.length()));
      }
    }
    return node;
  }

  private static void olderSpellings(MappedSource mapped) {
    Graph graph = mapped.graph();
    int value = graph.find(Node.ANY, Vocab.uri(Vocab.CETERMS + "value"), Node.ANY).toList().size();
    int destinationFor = graph.find(Node.ANY, Vocab.uri(Vocab.CETERMS + "isDestinationComponentFor"), Node.ANY)
        .toList().size();
    int operands = graph.find(Node.ANY, JsonLdReader.undefined("leftOperand"), Node.ANY).toList().size();
    int logical = graph.find(Node.ANY, JsonLdReader.undefined("logicalOperand"), Node.ANY).toList().size();
    MappingQueries.update(CtdlImporter.class, "older-spellings", graph);
    if (value > 0) {
      mapped.note("older spelling: ceterms:value (" + value + "), read as schema:value");
    }
    if (destinationFor > 0) {
      mapped.note("older spelling: ceterms:isDestinationComponentFor (" + destinationFor
          + "), read as the pathway's ceterms:hasDestinationComponent");
    }
    if (operands > 0) {
      mapped.note("older spelling: leftOperand \"reqNum\" with operand and rightOperand (" + operands
          + "), read as ceterms:requiredNumber");
    }
    if (logical > 0) {
      mapped.note("older spelling: logicalOperand (" + logical + "); \"OR\" read as ceterms:requiredNumber 1");
    }
  }

  /** Every named node with a type is a resource of the document, except ESCO's concepts, which it only names. */
  private static void resources(MappedSource mapped) {
    Graph graph = mapped.graph();
    for (Triple t : graph.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList()) {
      Node s = t.getSubject();
      if (s.isURI() && !s.getURI().startsWith("http://data.europa.eu/esco/")) {
        mapped.resource(s);
      }
    }
    List<Node> sorted = new ArrayList<>(mapped.resources());
    sorted.sort(java.util.Comparator.comparing((Node n) -> rank(graph, n)).thenComparing(Node::getURI));
    mapped.resources().clear();
    sorted.forEach(mapped::resource);
  }

  /** Credentials and pathways first, then their parts, for reports people read. */
  private static int rank(Graph graph, Node n) {
    String kind = Graphs.kind(graph, n);
    return kind.equals("Pathway") ? 1 : kind.endsWith("Component") ? 2 : kind.equals("ComponentCondition") ? 3
        : graph.contains(n, RDF.type.asNode(), Vocab.LEARNING_ACHIEVEMENT_SPECIFICATION) ? 0 : 4;
  }
}
