package io.cairn.interop.casepkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.graph.GraphStore;
import io.cairn.interop.Graphs;
import io.cairn.interop.Vocab;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes competency frameworks as CASE 1.1 {@code CFPackage}s: the ESCO skills the catalog holds (with their
 * hierarchy as {@code isChildOf}), and every framework imported into the store (from CASE, with its own
 * identifiers and associations, or from CTDL-ASN), with {@code exactMatchOf} for its matches. CASE identifiers are
 * UUIDs: ESCO's own where it has them, else name-based UUIDs of the IRI, so the same framework always gets the same.
 */
public final class CaseExporter {
  /** The IRI of the framework of the catalog's ESCO skills. */
  public static final String ESCO_FRAMEWORK = Vocab.CAIRN_ID + "framework/esco-skills";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ESCO = "http://data.europa.eu/esco/";

  /** One package per framework: file name to package. */
  public Map<String, JsonNode> catalog(CatalogSnapshot s, GraphStore store, Instant at) {
    String time = at.truncatedTo(ChronoUnit.SECONDS).toString();
    Map<String, JsonNode> files = new LinkedHashMap<>();
    if (!s.competencies().isEmpty()) {
      files.put("esco-skills.case.json", esco(s, time));
    }
    store.readUnion(g -> {
      for (Triple scheme : g.find(Node.ANY, RDF.type.asNode(), Vocab.uri(Vocab.SKOS + "ConceptScheme")).toList()) {
        Node doc = scheme.getSubject();
        // competency frameworks only (CASE and CTDL-ASN imports type them so), not the vocabularies documents cite
        boolean escoWritten = doc.getURI() != null && doc.getURI().equals(ESCO_FRAMEWORK) && !s.competencies().isEmpty();
        if (doc.isURI() && !doc.getURI().startsWith(ESCO) && !escoWritten
            && g.contains(doc, RDF.type.asNode(), Vocab.uri(Vocab.CEASN + "CompetencyFramework"))
            && g.contains(Node.ANY, Vocab.uri(Vocab.SKOS + "inScheme"), doc)) {
          files.putIfAbsent(fileName(g, doc), framework(g, doc, time));
        }
      }
      return null;
    });
    return files;
  }

  private static ObjectNode esco(CatalogSnapshot s, String time) {
    ObjectNode pkg = JSON.createObjectNode();
    ObjectNode doc = pkg.putObject("CFDocument");
    doc.put("identifier", uuid(ESCO_FRAMEWORK));
    doc.put("uri", ESCO_FRAMEWORK);
    doc.put("creator", "Cairn, from the ESCO classification of the European Commission");
    doc.put("title", "ESCO skills in this catalog");
    doc.put("description", "The ESCO skills and skill groups the catalog's credentials, occupations and pathways "
        + "name, with ESCO's hierarchy. This service uses the ESCO classification of the European Commission.");
    doc.put("lastChangeDateTime", time);
    doc.put("caseVersion", "1.1");
    ArrayNode items = pkg.putArray("CFItems");
    ArrayNode associations = pkg.putArray("CFAssociations");
    for (Competency k : s.competencies()) {
      ObjectNode item = items.addObject();
      item.put("identifier", uuid(k.iri()));
      item.put("uri", k.iri());
      item.put("fullStatement", k.label());
      item.put("CFItemType", switch (k.skillType()) {
        case "knowledge" -> "Knowledge";
        case "skill-group" -> "Skill group";
        default -> "Skill";
      });
      item.put("language", "en");
      item.put("lastChangeDateTime", time);
      var parents = s.broader(k.index());
      if (parents.isEmpty()) {
        associations.add(association("isChildOf", k.iri(), k.label(), ESCO_FRAMEWORK, "ESCO skills in this catalog",
            time));
      }
      parents.stream().forEach(p -> associations.add(association("isChildOf", k.iri(), k.label(),
          s.competency(p).iri(), s.competency(p).label(), time)));
    }
    return pkg;
  }

  /** A framework from the store: its own CASE fields where it came from CASE, SKOS and CTDL-ASN otherwise. */
  private static ObjectNode framework(Graph g, Node scheme, String time) {
    ObjectNode pkg = JSON.createObjectNode();
    ObjectNode doc = pkg.putObject("CFDocument");
    String title = first(g, scheme, Vocab.DCT + "title", Vocab.CETERMS + "name", Vocab.CEASN + "name");
    doc.put("identifier", identifier(g, scheme));
    doc.put("uri", scheme.getURI());
    doc.put("creator", orElse(first(g, scheme, Vocab.DCT + "creator", Vocab.CEASN + "publisherName"), "unknown"));
    doc.put("title", orElse(title, scheme.getURI()));
    String description = first(g, scheme, Vocab.DCT + "description", Vocab.CEASN + "description");
    if (description != null) {
      doc.put("description", description);
    }
    doc.put("lastChangeDateTime", orElse(dateTime(first(g, scheme, Vocab.CASE + "lastChangeDateTime")), time));
    doc.put("caseVersion", "1.1");
    ArrayNode items = pkg.putArray("CFItems");
    ArrayNode associations = pkg.putArray("CFAssociations");
    List<Node> members = new ArrayList<>();
    g.find(Node.ANY, Vocab.uri(Vocab.SKOS + "inScheme"), scheme).forEachRemaining(t -> members.add(t.getSubject()));
    members.sort(java.util.Comparator.comparing(Node::getURI));
    Map<String, ObjectNode> byOrigin = new TreeMap<>();
    for (Node member : members) {
      ObjectNode item = items.addObject();
      String statement = orElse(first(g, member, Vocab.CASE + "fullStatement", Vocab.SKOS + "prefLabel",
          Vocab.CEASN + "competencyText"), member.getURI());
      item.put("identifier", identifier(g, member));
      item.put("uri", member.getURI());
      item.put("fullStatement", statement);
      for (String field : List.of("humanCodingScheme", "abbreviatedStatement", "CFItemType", "educationLevel",
          "language", "listEnumeration")) {
        String value = first(g, member, Vocab.CASE + field);
        if (value != null) {
          if (field.equals("educationLevel")) {
            item.putArray(field).add(value);
          } else {
            item.put(field, value);
          }
        }
      }
      item.put("lastChangeDateTime", orElse(dateTime(first(g, member, Vocab.CASE + "lastChangeDateTime")), time));
    }
    // associations as the store has them (CASE), else from SKOS (CTDL-ASN)
    boolean stored = false;
    for (Triple t : g.find(Node.ANY, RDF.type.asNode(), Vocab.uri(Vocab.CASE + "CFAssociation")).toList()) {
      Node a = t.getSubject();
      Node origin = Graphs.object(g, a, Vocab.uri(Vocab.CASE + "originNodeURI"));
      Node destination = Graphs.object(g, a, Vocab.uri(Vocab.CASE + "destinationNodeURI"));
      if (origin == null || destination == null || !members.contains(origin)) {
        continue;
      }
      stored = true;
      ObjectNode association = association(first(g, a, Vocab.CASE + "associationType"), origin.getURI(),
          label(g, origin), destination.getURI(), label(g, destination), orElse(dateTime(first(g, a,
              Vocab.CASE + "lastChangeDateTime")), time));
      association.put("identifier", identifier(g, a));
      association.put("uri", a.getURI());
      byOrigin.put(a.getURI(), association);
    }
    if (!stored) {
      for (Node member : members) {
        List<Node> parents = objects(g, member, Vocab.SKOS + "broader");
        if (parents.isEmpty()) {
          byOrigin.put(member.getURI() + " top", association("isChildOf", member.getURI(), label(g, member),
              scheme.getURI(), orElse(title, scheme.getURI()), time));
        }
        parents.forEach(p -> byOrigin.put(member.getURI() + " " + p.getURI(), association("isChildOf",
            member.getURI(), label(g, member), p.getURI(), label(g, p), time)));
        objects(g, member, Vocab.SKOS + "exactMatch").forEach(m -> byOrigin.put(member.getURI() + " = " + m.getURI(),
            association("exactMatchOf", member.getURI(), label(g, member), m.getURI(), label(g, m), time)));
      }
    } else {
      // matches added by a mapping file are no association of the package; they go out as exactMatchOf too
      for (Node member : members) {
        for (Node m : objects(g, member, Vocab.SKOS + "exactMatch")) {
          if (m.getURI().startsWith(ESCO)) {
            byOrigin.putIfAbsent(member.getURI() + " = " + m.getURI(), association("exactMatchOf", member.getURI(),
                label(g, member), m.getURI(), label(g, m), time));
          }
        }
      }
    }
    byOrigin.values().forEach(associations::add);
    return pkg;
  }

  private static ObjectNode association(String type, String origin, String originTitle, String destination,
      String destinationTitle, String time) {
    ObjectNode a = JSON.createObjectNode();
    String key = type + " " + origin + " " + destination;
    a.put("identifier", uuid(key));
    a.put("uri", "urn:uuid:" + uuid(key));
    a.put("associationType", type);
    a.set("originNodeURI", link(originTitle, origin));
    a.set("destinationNodeURI", link(destinationTitle, destination));
    a.put("lastChangeDateTime", time);
    return a;
  }

  private static ObjectNode link(String title, String uri) {
    ObjectNode link = JSON.createObjectNode();
    link.put("title", title);
    link.put("identifier", uuidOf(uri));
    link.put("uri", uri);
    return link;
  }

  /** The UUID an IRI carries at its end (ESCO's, CASE's), else a name-based one. */
  static String uuidOf(String iri) {
    String last = Graphs.localName(iri);
    String candidate = last.startsWith("ce-") ? last.substring(3) : last;
    try {
      return UUID.fromString(candidate).toString().equals(candidate.toLowerCase(java.util.Locale.ROOT))
          ? candidate.toLowerCase(java.util.Locale.ROOT) : uuid(iri);
    } catch (IllegalArgumentException e) {
      return uuid(iri);
    }
  }

  private static String identifier(Graph g, Node node) {
    String stored = first(g, node, Vocab.CASE + "identifier");
    return stored != null && isUuid(stored) ? stored : uuidOf(node.getURI());
  }

  private static boolean isUuid(String text) {
    return text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String fileName(Graph g, Node scheme) {
    String base = orElse(first(g, scheme, Vocab.DCT + "title", Vocab.CETERMS + "name", Vocab.CEASN + "name"),
        Graphs.localName(scheme.getURI()));
    String slug = base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return (slug.isEmpty() ? "framework" : slug) + "-" + uuidOf(scheme.getURI()).substring(0, 8) + ".case.json";
  }

  private static String label(Graph g, Node node) {
    return orElse(first(g, node, Vocab.CASE + "fullStatement", Vocab.SKOS + "prefLabel", Vocab.DCT + "title",
        Vocab.CEASN + "competencyText"), node.getURI());
  }

  private static List<Node> objects(Graph g, Node s, String p) {
    List<Node> out = new ArrayList<>();
    g.find(s, Vocab.uri(p), Node.ANY).forEachRemaining(t -> {
      if (t.getObject().isURI()) {
        out.add(t.getObject());
      }
    });
    out.sort(java.util.Comparator.comparing(Node::getURI));
    return out;
  }

  /** The first literal of the first predicate that has one, English preferred. */
  private static String first(Graph g, Node s, String... predicates) {
    for (String p : predicates) {
      String found = null;
      for (Triple t : g.find(s, Vocab.uri(p), Node.ANY).toList()) {
        if (t.getObject().isLiteral()) {
          String lang = t.getObject().getLiteralLanguage();
          if (found == null || lang.isEmpty() || lang.startsWith("en")) {
            found = t.getObject().getLiteralLexicalForm();
          }
        }
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** CASE dateTimes carry a zone; a stored one without is read as UTC. */
  private static String dateTime(String value) {
    if (value == null) {
      return null;
    }
    return value.matches(".*(Z|[+-]\\d\\d:\\d\\d)$") ? value : value + "Z";
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
