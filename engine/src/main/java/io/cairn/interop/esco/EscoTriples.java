package io.cairn.interop.esco;

import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Turns ESCO CSV rows into the SKOS/ESCO triples ESCO's own RDF uses, written straight into the target graph.
 * Checks what it needs of each row and throws {@link MalformedRowException} naming the problem.
 */
final class EscoTriples {
  static final String ESCO = "http://data.europa.eu/esco/model#";
  static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
  static final String DCT = "http://purl.org/dc/terms/";
  private static final Node SKILL = uri(ESCO + "Skill");
  private static final Node SKILL_GROUP = uri(ESCO + "SkillGroup");
  private static final Node OCCUPATION = uri(ESCO + "Occupation");
  private static final Node ISCO_GROUP = uri(ESCO + "ISCOGroup");
  private static final Node CONCEPT = uri(SKOS + "Concept");
  private static final Node CONCEPT_SCHEME = uri(SKOS + "ConceptScheme");
  private static final Node PREF_LABEL = uri(SKOS + "prefLabel");
  private static final Node ALT_LABEL = uri(SKOS + "altLabel");
  private static final Node HIDDEN_LABEL = uri(SKOS + "hiddenLabel");
  private static final Node BROADER = uri(SKOS + "broader");
  private static final Node IN_SCHEME = uri(SKOS + "inScheme");
  private static final Node TOP_CONCEPT = uri(SKOS + "hasTopConcept");
  private static final Node NOTATION = uri(SKOS + "notation");
  private static final Node DEFINITION = uri(SKOS + "definition");
  private static final Node SCOPE_NOTE = uri(SKOS + "scopeNote");
  private static final Node DESCRIPTION = uri(DCT + "description");
  private static final Node TITLE = uri(DCT + "title");
  private static final Node SKILL_TYPE = uri(ESCO + "skillType");
  private static final Node REUSE_LEVEL = uri(ESCO + "skillReuseLevel");
  private static final Node ESSENTIAL = uri(ESCO + "relatedEssentialSkill");
  private static final Node OPTIONAL = uri(ESCO + "relatedOptionalSkill");
  private static final Set<String> REUSE_LEVELS =
      Set.of("transversal", "cross-sector", "sector-specific", "occupation-specific");

  private final Graph graph;
  private final String language;

  EscoTriples(Graph graph, String language) {
    this.graph = graph;
    this.language = language;
  }

  void write(EscoFile file, EscoRows.Row row) {
    switch (file) {
      case CONCEPT_SCHEMES -> scheme(row);
      case ISCO_GROUPS -> iscoGroup(row);
      case SKILL_GROUPS -> skillGroup(row);
      case SKILLS -> skill(row);
      case OCCUPATIONS -> occupation(row);
      case SKILLS_HIERARCHY -> hierarchy(row);
      case SKILL_BROADER, OCCUPATION_BROADER -> add(concept(row, "conceptUri"), BROADER, concept(row, "broaderUri"));
      case OCCUPATION_SKILLS -> link(row, "occupationUri", "skillUri");
      case SKILL_SKILLS -> link(row, "originalSkillUri", "relatedSkillUri");
      default -> add(concept(row, "conceptUri"), IN_SCHEME,
          uri(file.collection().orElseThrow().scheme()));
    }
  }

  private void scheme(EscoRows.Row row) {
    Node s = concept(row, "conceptSchemeUri");
    add(s, RDF.type.asNode(), CONCEPT_SCHEME);
    text(s, PREF_LABEL, row.get("preferredLabel"));
    text(s, TITLE, row.get("title"));
    text(s, DESCRIPTION, row.get("description"));
    for (String top : split(row.get("hasTopConcept"), "[,\\n]")) {
      add(s, TOP_CONCEPT, checkedUri(row, "hasTopConcept", top));
    }
  }

  private void iscoGroup(EscoRows.Row row) {
    Node s = labelled(row, ISCO_GROUP);
    plain(s, NOTATION, row.get("code"));
  }

  private void skillGroup(EscoRows.Row row) {
    Node s = labelled(row, SKILL_GROUP);
    plain(s, NOTATION, row.get("code"));
  }

  private void skill(EscoRows.Row row) {
    Node s = labelled(row, SKILL);
    String type = row.get("skillType");
    switch (type) {
      case "skill/competence", "skill" -> add(s, SKILL_TYPE, uri("http://data.europa.eu/esco/skill-type/skill"));
      case "knowledge" -> add(s, SKILL_TYPE, uri("http://data.europa.eu/esco/skill-type/knowledge"));
      case "" -> { }
      default -> throw row.malformed("skillType '" + type + "' is neither skill/competence nor knowledge");
    }
    String reuse = row.get("reuseLevel");
    if (!reuse.isEmpty()) {
      if (!REUSE_LEVELS.contains(reuse)) {
        throw row.malformed("reuseLevel '" + reuse + "' is not one of " + REUSE_LEVELS);
      }
      add(s, REUSE_LEVEL, uri("http://data.europa.eu/esco/skill-reuse-level/" + reuse));
    }
  }

  private void occupation(EscoRows.Row row) {
    Node s = labelled(row, OCCUPATION);
    plain(s, NOTATION, row.get("code"));
    String isco = row.get("iscoGroup");
    if (!isco.isEmpty() && !isco.matches("\\d{1,4}")) {
      throw row.malformed("iscoGroup '" + isco + "' is not an ISCO-08 code");
    }
  }

  /** The common part of every concept row: types, labels, notes and schemes. */
  private Node labelled(EscoRows.Row row, Node type) {
    Node s = concept(row, "conceptUri");
    String label = row.get("preferredLabel");
    if (label.isEmpty()) {
      throw row.malformed("preferredLabel is empty");
    }
    add(s, RDF.type.asNode(), type);
    add(s, RDF.type.asNode(), CONCEPT);
    text(s, PREF_LABEL, label);
    for (String alt : split(row.get("altLabels"), "\\n")) {
      text(s, ALT_LABEL, alt);
    }
    for (String hidden : split(row.get("hiddenLabels"), "\\n")) {
      text(s, HIDDEN_LABEL, hidden);
    }
    text(s, DESCRIPTION, row.get("description"));
    text(s, DEFINITION, row.get("definition"));
    text(s, SCOPE_NOTE, row.get("scopeNote"));
    for (String scheme : split(row.get("inScheme"), "[,\\n]")) {
      add(s, IN_SCHEME, checkedUri(row, "inScheme", scheme));
    }
    return s;
  }

  private void hierarchy(EscoRows.Row row) {
    Node parent = null;
    for (int level = 0; level <= 3; level++) {
      String cell = row.get("Level " + level + " URI");
      if (cell.isEmpty()) {
        continue;
      }
      Node node = checkedUri(row, "Level " + level + " URI", cell);
      if (parent != null) {
        add(node, BROADER, parent);
      }
      parent = node;
    }
    if (parent == null) {
      throw row.malformed("names no concept at any level");
    }
  }

  private void link(EscoRows.Row row, String from, String to) {
    String type = row.get("relationType");
    Node predicate = switch (type) {
      case "essential" -> ESSENTIAL;
      case "optional" -> OPTIONAL;
      default -> throw row.malformed("relationType '" + type + "' is neither essential nor optional");
    };
    add(concept(row, from), predicate, concept(row, to));
  }

  private Node concept(EscoRows.Row row, String column) {
    String value = row.get(column);
    if (value.isEmpty()) {
      throw row.malformed(column + " is empty");
    }
    return checkedUri(row, column, value);
  }

  private static Node checkedUri(EscoRows.Row row, String column, String value) {
    String v = value.strip();
    if (!(v.startsWith("http://") || v.startsWith("https://")) || v.chars().anyMatch(c -> c <= ' ' || c == '<'
        || c == '>' || c == '"')) {
      throw row.malformed(column + " '" + v + "' is not an IRI");
    }
    return uri(v);
  }

  private void text(Node s, Node p, String value) {
    if (!value.isBlank()) {
      add(s, p, NodeFactory.createLiteralLang(value.strip(), language));
    }
  }

  private void plain(Node s, Node p, String value) {
    if (!value.isBlank()) {
      add(s, p, NodeFactory.createLiteralDT(value.strip(), XSDDatatype.XSDstring));
    }
  }

  private void add(Node s, Node p, Node o) {
    graph.add(Triple.create(s, p, o));
  }

  private static java.util.List<String> split(String cell, String separator) {
    if (cell.isBlank()) {
      return java.util.List.of();
    }
    return java.util.Arrays.stream(cell.split(separator)).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }

  static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }
}
