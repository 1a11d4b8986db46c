package io.cairn.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.graph.LiveCatalog;
import io.cairn.interop.casepkg.CaseSchema;
import io.cairn.interop.ctdl.CtdlTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample catalog exported in each standard, checked against that standard's own rules from
 * {@code ../shared/standards} (nothing Cairn wrote): CTDL against the CTDL schema's terms, ELM against ELM's SHACL
 * shapes, Open Badges against its context and the properties the spec requires, CASE against its JSON Schema.
 */
class ExportConformanceTest {
  private static LiveCatalog catalog;

  @BeforeAll
  static void sample() {
    catalog = StandardsFixture.sample();
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  private static Map<String, JsonNode> export(StandardFormat format) {
    return StandardsFixture.standards().exportCatalog(catalog, format, StandardsFixture.CLOCK.instant());
  }

  private static JsonLdReader.Parsed parse(String name, JsonNode document) {
    return new JsonLdReader(new OfflineDocumentLoader(StandardsFixture.standards().files()))
        .read(name, DocumentGraphs.text(document), "https://example.org/base/");
  }

  @Test
  void ctdlUsesOnlyTermsOfTheCtdlSchemaAndExpandsWithNothingDropped() {
    Set<String> schema = CtdlTerms.schemaIris(StandardsFixture.standards().files());
    for (Map.Entry<String, JsonNode> file : export(StandardFormat.CTDL).entrySet()) {
      JsonLdReader.Parsed parsed = parse(file.getKey(), file.getValue());
      assertEquals(Set.of(), parsed.undefinedTerms(), file.getKey() + ": keys the CTDL context does not define");
      Set<String> foreign = new TreeSet<>();
      parsed.graph().find().forEachRemaining(t -> {
        if (!t.getPredicate().equals(RDF.type.asNode()) && !schema.contains(t.getPredicate().getURI())) {
          foreign.add(t.getPredicate().getURI());
        }
        if (t.getPredicate().equals(RDF.type.asNode()) && !schema.contains(t.getObject().getURI())) {
          foreign.add(t.getObject().getURI());
        }
      });
      assertEquals(Set.of(), foreign, file.getKey() + ": terms the CTDL schema does not define");
      assertTrue(parsed.graph().size() > 100, file.getKey());
    }
  }

  /**
   * ELM's generic EDC shapes, with ELM.ttl in the data graph (so a qualification is a learning achievement
   * specification to sh:class). Not LOQ-constraints: its shapes are closed, and with ELM.ttl in the data graph
   * they refuse ELM's own conforming example (an Organisation is an Agent, whose closed shape forbids legalName),
   * as {@link #loqShapesRefuseElmsOwnExampleWithTheOntology} shows; they would also refuse the terms Cairn adds
   * for what ELM cannot say.
   */
  @Test
  void elmConformsToElmsOwnShapes() {
    Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(StandardsFixture.file("elm/shapes/EDC-generic-no-cv.ttl").toString()));
    for (Map.Entry<String, JsonNode> file : export(StandardFormat.ELM).entrySet()) {
      JsonLdReader.Parsed parsed = parse(file.getKey(), file.getValue());
      assertEquals(Set.of(), parsed.undefinedTerms(), file.getKey());
      // ELM's subclass links (a qualification is a learning achievement specification) belong in the data graph
      Graph data = GraphFactory.createDefaultGraph();
      parsed.graph().find().forEachRemaining(data::add);
      RDFDataMgr.loadGraph(StandardsFixture.file("elm/ontology/ELM.ttl").toString()).find().forEachRemaining(data::add);
      ValidationReport report = ShaclValidator.get().validate(shapes, data);
      List<String> violations = new ArrayList<>();
      report.getEntries().stream().filter(e -> e.severity() == Severity.Violation)
          .forEach(e -> violations.add(e.resultPath() + ": " + e.message() + " (e.g. " + e.focusNode() + ")"));
      Map<String, Long> kinds = new java.util.TreeMap<>();
      violations.forEach(v -> kinds.merge(v.replaceAll(" \\(e\\.g\\..*", ""), 1L, Long::sum));
      assertEquals(Map.of(), kinds, file.getKey() + " breaks ELM's shapes (" + violations.size() + "), e.g. "
          + violations.stream().limit(3).toList());
      long specs = parsed.graph().find(Node.ANY, RDF.type.asNode(), Vocab.LEARNING_ACHIEVEMENT_SPECIFICATION).toList().size()
          + parsed.graph().find(Node.ANY, RDF.type.asNode(), Vocab.uri(Vocab.ELM + "Qualification")).toList().size();
      assertEquals(catalog.snapshot().credentials().size(), specs);
    }
  }

  @Test
  void loqShapesRefuseElmsOwnExampleWithTheOntology() {
    Graph example = RDFDataMgr.loadGraph(StandardsFixture.file("elm/examples/credential-sample.ttl").toString());
    Graph withOntology = GraphFactory.createDefaultGraph();
    example.find().forEachRemaining(withOntology::add);
    RDFDataMgr.loadGraph(StandardsFixture.file("elm/ontology/ELM.ttl").toString()).find().forEachRemaining(withOntology::add);
    Shapes loq = Shapes.parse(RDFDataMgr.loadGraph(StandardsFixture.file("elm/shapes/LOQ-constraints.ttl").toString()));
    Shapes edc = Shapes.parse(RDFDataMgr.loadGraph(StandardsFixture.file("elm/shapes/EDC-generic-no-cv.ttl").toString()));
    assertTrue(ShaclValidator.get().validate(loq, example).conforms());
    assertTrue(ShaclValidator.get().validate(edc, withOntology).conforms());
    ValidationReport report = ShaclValidator.get().validate(loq, withOntology);
    assertFalse(report.conforms());
    assertTrue(report.getEntries().stream().allMatch(e -> e.source().toString().endsWith("AgentShape")
        || e.source().toString().endsWith("IdentifierShape")), report.getEntries()::toString);
  }

  @Test
  void openBadgesAchievementsExpandWithTheirContextAndCarryWhatTheSpecRequires() {
    JsonNode achievements = export(StandardFormat.OB3).values().iterator().next();
    assertEquals(catalog.snapshot().credentials().size(), achievements.size());
    for (JsonNode a : achievements) {
      String id = a.path("id").asText();
      JsonLdReader.Parsed parsed = parse(id, a);
      assertEquals(Set.of(), parsed.undefinedTerms(), id + ": terms no context defines");
      // Open Badges 3.0, Achievement: id, type (with "Achievement"), name, description and criteria are required;
      // a creator profile needs id and type "Profile"; an alignment needs targetName and targetUrl
      assertTrue(a.path("id").isTextual() && !id.isBlank(), id);
      assertTrue(contains(a.path("type"), "Achievement"), id);
      assertTrue(a.path("name").isTextual() && a.path("description").isTextual(), id);
      assertTrue(a.path("criteria").has("narrative") || a.path("criteria").has("id"), id);
      if (a.has("creator")) {
        assertTrue(a.path("creator").path("id").isTextual() && contains(a.path("creator").path("type"), "Profile"), id);
      }
      a.path("alignment").forEach(al -> assertTrue(al.path("targetName").isTextual() && al.path("targetUrl").isTextual()));
      assertTrue(parsed.graph().contains(Vocab.uri(id), RDF.type.asNode(), Vocab.uri(Vocab.OB + "Achievement")), id);
    }
  }

  @Test
  void caseConformsToTheCase11JsonSchema() {
    CaseSchema schema = CaseSchema.load(StandardsFixture.standards().files());
    Map<String, JsonNode> packages = export(StandardFormat.CASE);
    assertFalse(packages.isEmpty());
    for (Map.Entry<String, JsonNode> p : packages.entrySet()) {
      assertEquals(List.of(), schema.errors(DocumentGraphs.text(p.getValue())), p.getKey());
    }
    JsonNode esco = packages.get("esco-skills.case.json");
    assertEquals(catalog.snapshot().competencies().size(), esco.get("CFItems").size());
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return array.asText().equals(value);
  }
}
