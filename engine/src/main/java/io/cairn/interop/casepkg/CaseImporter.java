package io.cairn.interop.casepkg;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.interop.DocumentGraphs;
import io.cairn.interop.ImportSource;
import io.cairn.interop.MappedSource;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.StandardFormatException;
import io.cairn.interop.StandardImporter;
import io.cairn.interop.StoreLookup;
import io.cairn.interop.Vocab;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads a CASE 1.1 {@code CFPackage} (a competency framework: its document, items and associations) into a SKOS
 * concept scheme in its own named graph: the document is a {@code skos:ConceptScheme} and
 * {@code ceasn:CompetencyFramework}, each item a {@code skos:Concept} and {@code ceasn:Competency}, {@code isChildOf}
 * associations {@code skos:broader} (or top concepts), {@code exactMatchOf} {@code skos:exactMatch}, and every
 * association is kept as a node with CASE's own fields. Items matched to ESCO skills (by the package or a mapping
 * file) count toward those skills wherever a credential is aligned to them. The package is checked against the
 * official CASE 1.1 JSON Schema; what it says is reported, not refused (CASE 1.0 packages differ in small ways).
 */
public final class CaseImporter implements StandardImporter {
  private static final Map<String, String> ASSOCIATIONS = Map.of(
      "exactMatchOf", Vocab.SKOS + "exactMatch",
      "isRelatedTo", Vocab.SKOS + "related");
  private final CaseSchema schema;
  private final List<CaseMapping> mappings;

  public CaseImporter(CaseSchema schema, List<CaseMapping> mappings) {
    this.schema = schema;
    this.mappings = List.copyOf(mappings);
  }

  /** The same importer with ESCO mapping files (see {@link CaseMapping}). */
  public CaseImporter withMappings(List<CaseMapping> more) {
    return new CaseImporter(schema, more);
  }

  @Override
  public StandardFormat format() {
    return StandardFormat.CASE;
  }

  @Override
  public MappedSource map(ImportSource source, StoreLookup lookup) {
    JsonNode root = DocumentGraphs.json(source);
    JsonNode doc = root.get("CFDocument");
    if (doc == null || !doc.isObject()) {
      throw new StandardFormatException(source.name() + ": not a CASE CFPackage (no CFDocument object); a package "
          + "is {\"CFDocument\": {...}, \"CFItems\": [...], \"CFAssociations\": [...]}");
    }
    Graph graph = GraphFactory.createDefaultGraph();
    MappedSource mapped = new MappedSource(source, StandardFormat.CASE, graph);
    List<String> errors = schema.errors(source.text());
    if (!errors.isEmpty()) {
      mapped.note("does not conform to the CASE 1.1 JSON Schema (" + errors.size() + " error(s); imported as far as "
          + "it goes): " + String.join("; ", errors.stream().limit(5).toList()) + (errors.size() > 5 ? "; ..." : ""));
    }
    Node document = node(doc);
    if (document == null) {
      throw new StandardFormatException(source.name() + ": the CFDocument has neither a uri nor an identifier");
    }
    add(graph, document, RDF.type.asNode(), Vocab.uri(Vocab.SKOS + "ConceptScheme"));
    add(graph, document, RDF.type.asNode(), Vocab.uri(Vocab.CEASN + "CompetencyFramework"));
    add(graph, document, RDF.type.asNode(), Vocab.uri(Vocab.CASE + "CFDocument"));
    text(graph, document, Vocab.DCT + "title", doc, "title");
    text(graph, document, Vocab.CETERMS + "name", doc, "title");
    text(graph, document, Vocab.DCT + "creator", doc, "creator");
    text(graph, document, Vocab.DCT + "publisher", doc, "publisher");
    text(graph, document, Vocab.DCT + "description", doc, "description");
    text(graph, document, Vocab.DCT + "language", doc, "language");
    fields(graph, document, doc, "identifier", "lastChangeDateTime", "adoptionStatus", "version", "caseVersion",
        "frameworkType", "officialSourceURL", "notes", "CFPackageURI");
    mapped.resource(document);
    Set<Node> items = new HashSet<>();
    for (JsonNode item : array(root, "CFItems")) {
      Node concept = node(item);
      if (concept == null) {
        mapped.refuse(item.path("fullStatement").asText("(an item)"), "CFItem", "a CFItem needs a uri or an identifier");
        continue;
      }
      items.add(concept);
      add(graph, concept, RDF.type.asNode(), Vocab.SKOS_CONCEPT);
      add(graph, concept, RDF.type.asNode(), Vocab.uri(Vocab.CEASN + "Competency"));
      add(graph, concept, RDF.type.asNode(), Vocab.uri(Vocab.CASE + "CFItem"));
      add(graph, concept, Vocab.uri(Vocab.SKOS + "inScheme"), document);
      add(graph, concept, Vocab.uri(Vocab.CEASN + "isPartOf"), document);
      String language = item.path("language").asText("");
      for (String field : List.of("fullStatement", "abbreviatedStatement")) {
        if (item.hasNonNull(field)) {
          String value = item.get(field).asText();
          add(graph, concept, Vocab.uri(Vocab.CASE + field), literal(value, language));
          if (field.equals("fullStatement")) {
            add(graph, concept, Vocab.uri(Vocab.SKOS + "prefLabel"), literal(value, language));
            add(graph, concept, Vocab.uri(Vocab.CEASN + "competencyText"), literal(value, language));
          }
        }
      }
      if (item.hasNonNull("humanCodingScheme")) {
        add(graph, concept, Vocab.uri(Vocab.SKOS + "notation"), NodeFactory.createLiteralString(
            item.get("humanCodingScheme").asText()));
      }
      fields(graph, concept, item, "identifier", "humanCodingScheme", "listEnumeration", "CFItemType",
          "educationLevel", "language", "notes", "lastChangeDateTime", "alternativeLabel");
      if (!concept.getURI().startsWith("http://data.europa.eu/esco/")) {
        // an item that is an ESCO concept stays ESCO's: described here too, never replaced by this package
        mapped.resource(concept);
      }
    }
    int matches = 0;
    for (JsonNode association : array(root, "CFAssociations")) {
      matches += association(graph, mapped, association, document, items);
    }
    for (CaseMapping mapping : mappings) {
      int added = mapping.apply(graph, items);
      matches += added;
      mapped.note("mapping file " + mapping.name() + " (sha256 " + mapping.sha256() + "): " + added
          + " item(s) matched to ESCO");
    }
    if (matches == 0) {
      mapped.note("no item is matched to an ESCO skill (by an exactMatchOf association or a mapping file): "
          + "credentials aligned to this framework count toward no ESCO target");
    }
    return mapped;
  }

  /** Adds one association; returns 1 when it matches an item to an ESCO skill. */
  private static int association(Graph graph, MappedSource mapped, JsonNode a, Node document, Set<Node> items) {
    Node node = node(a);
    String type = a.path("associationType").asText("");
    Node origin = node(a.path("originNodeURI"));
    Node destination = node(a.path("destinationNodeURI"));
    if (node == null || origin == null || destination == null || type.isEmpty()) {
      mapped.note("an association without a uri, type, origin or destination was skipped: " + a);
      return 0;
    }
    add(graph, node, RDF.type.asNode(), Vocab.uri(Vocab.CASE + "CFAssociation"));
    add(graph, node, Vocab.uri(Vocab.CASE + "associationType"), NodeFactory.createLiteralString(type));
    add(graph, node, Vocab.uri(Vocab.CASE + "originNodeURI"), origin);
    add(graph, node, Vocab.uri(Vocab.CASE + "destinationNodeURI"), destination);
    fields(graph, node, a, "identifier", "sequenceNumber", "lastChangeDateTime", "notes");
    mapped.resource(node);
    if (type.equals("isChildOf") && items.contains(origin)) {
      if (destination.equals(document)) {
        add(graph, document, Vocab.uri(Vocab.SKOS + "hasTopConcept"), origin);
        add(graph, origin, Vocab.uri(Vocab.SKOS + "topConceptOf"), document);
      } else {
        add(graph, origin, Vocab.uri(Vocab.SKOS + "broader"), destination);
      }
      return 0;
    }
    String predicate = ASSOCIATIONS.get(type);
    if (predicate != null && !origin.equals(destination)) {
      add(graph, origin, Vocab.uri(predicate), destination);
      return type.equals("exactMatchOf") && destination.getURI().startsWith(Vocab.ESCO_SKILL) ? 1 : 0;
    }
    return 0;
  }

  private static List<JsonNode> array(JsonNode root, String field) {
    JsonNode a = root.get(field);
    if (a == null || !a.isArray()) {
      return List.of();
    }
    List<JsonNode> out = new java.util.ArrayList<>();
    a.forEach(out::add);
    return out;
  }

  /** A CASE object's node: its uri, else {@code urn:uuid:} and its identifier; null when it has neither. */
  static Node node(JsonNode object) {
    if (object.hasNonNull("uri") && !object.get("uri").asText().isBlank()) {
      return Vocab.uri(object.get("uri").asText().strip());
    }
    if (object.hasNonNull("identifier") && !object.get("identifier").asText().isBlank()) {
      return Vocab.uri("urn:uuid:" + object.get("identifier").asText().strip());
    }
    return null;
  }

  private static void fields(Graph graph, Node subject, JsonNode object, String... names) {
    for (String name : names) {
      JsonNode v = object.get(name);
      if (v == null || v.isNull()) {
        continue;
      }
      for (JsonNode each : v.isArray() ? v : List.of(v)) {
        if (each.isValueNode()) {
          add(graph, subject, Vocab.uri(Vocab.CASE + name), each.isNumber()
              ? NodeFactory.createLiteralDT(each.asText(), XSDDatatype.XSDinteger) : NodeFactory.createLiteralString(each.asText()));
        }
      }
    }
  }

  private static void text(Graph graph, Node subject, String predicate, JsonNode object, String field) {
    if (object.hasNonNull(field) && object.get(field).isValueNode()) {
      add(graph, subject, Vocab.uri(predicate), NodeFactory.createLiteralString(object.get(field).asText()));
    }
  }

  private static Node literal(String value, String language) {
    return language.isBlank() ? NodeFactory.createLiteralString(value) : NodeFactory.createLiteralLang(value, language);
  }

  private static void add(Graph graph, Node s, Node p, Node o) {
    graph.add(s, p, o);
  }
}
