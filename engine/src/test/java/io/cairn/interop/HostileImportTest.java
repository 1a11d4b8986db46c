package io.cairn.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.catalog.Credential;
import io.cairn.catalog.Requirement;
import io.cairn.graph.LiveCatalog;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Standards' documents go through the checks every load goes through: non-finite and absurd numbers, requirement
 * trees nested too deep (through conditions or through group components), cycles, and chains of prerequisites too
 * long to walk are refused, resource by resource, with words that say what is wrong; what they break is not
 * stored, the rest is. A document nested past what the readers take is refused whole, with a message, never with
 * a stack overflow.
 */
class HostileImportTest {
  private static final String PREFIXES = """
      @prefix ceterms: <https://purl.org/ctdl/terms/> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      @prefix ex: <https://example.org/> .
      """;
  private static final String SKILL = "<http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d>";

  private static String badge(String id, String extra) {
    return "ex:" + id + " a ceterms:OpenBadge ; ceterms:name \"" + id + "\"@en ;\n"
        + "  ceterms:ownedBy <https://w3id.org/cairn/id/issuer/skillforge> ;\n"
        + "  ceterms:teaches [ a ceterms:CredentialAlignmentObject ; ceterms:targetNode " + SKILL + " ]" + extra
        + " .\n";
  }

  /**
   * A pathway to the sample's data analytics certificate whose destination nests {@code depth} conditions; with
   * {@code groups}, each level reaches the next through a group component (ceterms:BasicComponent).
   */
  private static String deepPathway(String name, int depth, boolean groups) {
    StringBuilder ttl = new StringBuilder(PREFIXES).append("""
        ex:NAME a ceterms:Pathway ; ceterms:name "NAME"@en ; ceterms:hasDestinationComponent ex:NAME-dest .
        ex:NAME-dest a ceterms:CredentialComponent ; ceterms:name "Destination"@en ;
          ceterms:proxyFor <https://w3id.org/cairn/id/credential/nb-cert-data-analytics> ;
          ceterms:hasCondition ex:NAME-c0 .
        ex:NAME-leaf a ceterms:CredentialComponent ; ceterms:name "Leaf"@en ;
          ceterms:proxyFor <https://w3id.org/cairn/id/credential/sf-sql-basics> .
        """.replace("NAME", name));
    for (int i = 0; i < depth; i++) {
      String next = i + 1 == depth ? "ceterms:targetComponent ex:" + name + "-leaf"
          : groups ? "ceterms:targetComponent ex:" + name + "-g" + (i + 1)
          : "ceterms:hasCondition ex:" + name + "-c" + (i + 1);
      ttl.append("ex:").append(name).append("-c").append(i).append(" a ceterms:ComponentCondition ; ceterms:name \"")
          .append(i).append("\"@en ; ").append(next).append(" .\n");
      if (groups && i + 1 < depth) {
        ttl.append("ex:").append(name).append("-g").append(i + 1).append(" a ceterms:BasicComponent ; ceterms:name"
            + " \"group ").append(i + 1).append("\"@en ; ceterms:hasCondition ex:").append(name).append("-c")
            .append(i + 1).append(" .\n");
      }
    }
    return ttl.toString();
  }

  private static String reasons(ImportReport report) {
    return report.refused().stream().map(r -> r.resource() + ": " + r.reason()).collect(Collectors.joining("\n"));
  }

  @Test
  void nonFiniteAndAbsurdNumbersAreRefusedAndTheRestIsImported() {
    String doc = PREFIXES + badge("fine", "")
        + badge("infinite", "; ceterms:estimatedCost [ a ceterms:CostProfile ; ceterms:price \"INF\"^^xsd:double ;"
            + " ceterms:currency \"EUR\" ]")
        + badge("nan", "; ceterms:estimatedCost [ a ceterms:CostProfile ; ceterms:price \"NaN\"^^xsd:double ;"
            + " ceterms:currency \"EUR\" ]")
        + badge("endless", "; ceterms:estimatedDuration [ a ceterms:DurationProfile ;"
            + " ceterms:exactDuration \"PT99999999999H\" ]");
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      ImportReport report = StandardsFixture.importText(catalog, StandardFormat.CTDL, "numbers.ttl", doc);
      assertEquals(List.of("https://example.org/fine"), report.added().stream().map(ImportReport.Resource::iri).toList(),
          () -> reasons(report));
      assertEquals(List.of("https://example.org/endless", "https://example.org/infinite", "https://example.org/nan"),
          report.refused().stream().map(ImportReport.Refusal::resource).sorted().toList());
      String reasons = reasons(report);
      assertTrue(reasons.contains("not INF or NaN") && reasons.contains("elm:volumeOfLearning"), reasons);
      assertTrue(catalog.snapshot().findCredential("https://example.org/infinite").isEmpty());
      Credential fine = catalog.snapshot().findCredential("https://example.org/fine").orElseThrow();
      // the document gives no workload and no price: unknown, not 0 hours and free
      assertFalse(fine.workloadKnown());
      assertFalse(fine.costKnown());
      assertTrue(catalog.snapshot().credentials().stream().filter(c -> !c.iri().startsWith("https://example.org/"))
          .allMatch(c -> c.workloadKnown() && c.costKnown()), "the sample states every workload and price");
    }
  }

  @Test
  void treesNestedTooDeepThroughConditionsOrGroupsAreRefusedWithTheDepth() {
    int depth = Requirement.MAX_NESTING + 8;
    for (boolean groups : new boolean[] {false, true}) {
      try (LiveCatalog catalog = StandardsFixture.sample()) {
        int pathways = catalog.snapshot().pathways().size();
        long version = catalog.store().version();
        List<String> graphs = catalog.store().sources();
        ImportReport report = StandardsFixture.importText(catalog, StandardFormat.CTDL, "deep.ttl",
            deepPathway("deep", depth, groups));
        String reasons = reasons(report);
        assertTrue(reasons.contains("nests conditions") && reasons.contains("at most " + Requirement.MAX_NESTING),
            reasons);
        assertTrue(report.refused().stream().anyMatch(r -> r.resource().equals("https://example.org/deep")),
            reasons);
        assertEquals(pathways, catalog.snapshot().pathways().size(), "groups " + groups);
        // every resource of the document was refused: nothing at all is written, not even its provenance
        assertEquals(List.of(), report.sources());
        assertEquals(version, catalog.store().version());
        assertEquals(graphs, catalog.store().sources());
      }
    }
    // at the limit it is a pathway like any other, whether its conditions nest directly or through groups (a
    // group is no level of its own)
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      for (boolean groups : new boolean[] {false, true}) {
        String name = groups ? "limit-groups" : "limit";
        ImportReport report = StandardsFixture.importText(catalog, StandardFormat.CTDL, name + ".ttl",
            deepPathway(name, Requirement.MAX_NESTING, groups));
        assertEquals(List.of(), report.refused(), () -> reasons(report));
        assertTrue(catalog.snapshot().findPathway("https://example.org/" + name).isPresent(), name);
      }
    }
  }

  /**
   * ELM and Open Badges documents with a non-finite price or credit: Cairn's own export of a sample credential
   * with one number made hostile (and without the issuer, which is fine and would be imported on its own). It
   * would replace the sample's credential, so a refusal must leave the store exactly as it was.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"ELM, price INF", "ELM, price NaN", "ELM, credits NaN", "OB3, price INF", "OB3, price NaN",
      "OB3, credits INF"})
  void elmAndOpenBadgesWithNonFiniteNumbersAreRefusedAndNothingChanges(StandardFormat format, String hostile) {
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      Credential target = catalog.snapshot().credentials().stream().filter(c -> c.ects() > 0 && c.cost() > 0)
          .findFirst().orElseThrow();
      ObjectNode doc = (ObjectNode) StandardsFixture.standards().exportCredential(catalog, format, target);
      String issuer = catalog.snapshot().issuer(target.issuer()).iri();
      if (doc.has("@graph")) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("@graph")).removeIf(n -> n.path("id").asText()
            .equals(issuer));
      }
      doc.remove("creator");
      String[] what = hostile.split(" ");
      int changed = makeHostile(doc, what[0], what[1]);
      assertTrue(changed > 0, "the export has a " + what[0] + " to change: " + doc);
      long version = catalog.store().version();
      List<String> graphs = catalog.store().sources();
      ImportReport report = StandardsFixture.importText(catalog, format, "hostile.jsonld", doc.toString());
      assertEquals(List.of(), report.added());
      assertEquals(List.of(), report.replaced());
      assertTrue(report.refused().stream().anyMatch(r -> r.resource().equals(target.iri())), () -> reasons(report));
      String reasons = reasons(report);
      assertTrue(what[0].equals("price") ? reasons.contains("ceterms:price must be one finite number")
          : reasons.contains("elm:point must be one number"), reasons);
      assertEquals(version, catalog.store().version());
      assertEquals(graphs, catalog.store().sources());
      Credential after = catalog.snapshot().findCredential(target.iri()).orElseThrow();
      assertEquals(target.cost(), after.cost());
      assertEquals(target.ects(), after.ects());
    }
  }

  /** Sets every price (a {@code ceterms:price}) or ECTS value ({@code point}, {@code elm:point}) in {@code node}. */
  private static int makeHostile(JsonNode node, String field, String value) {
    int changed = 0;
    if (node instanceof ObjectNode object) {
      List<String> names = new java.util.ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (field.equals("price") && name.equals("ceterms:price")) {
          object.putObject(name).put("@value", value).put("@type", "http://www.w3.org/2001/XMLSchema#double");
          changed++;
        } else if (field.equals("credits") && (name.equals("point") || name.equals("elm:point"))) {
          object.put(name, value);
          changed++;
        } else {
          changed += makeHostile(object.get(name), field, value);
        }
      }
    } else if (node != null && node.isArray()) {
      for (JsonNode element : node) {
        changed += makeHostile(element, field, value);
      }
    }
    return changed;
  }

  @Test
  void aCycleOfConditionsIsRefused() {
    String doc = deepPathway("cycle", 3, false).replace("ex:cycle-c2 a ceterms:ComponentCondition ; ceterms:name"
        + " \"2\"@en ; ceterms:targetComponent ex:cycle-leaf", "ex:cycle-c2 a ceterms:ComponentCondition ;"
        + " ceterms:name \"2\"@en ; ceterms:hasCondition ex:cycle-c0")
        // the leaf component the cycle no longer reaches would be imported on its own
        .replaceAll("(?s)ex:cycle-leaf a ceterms:CredentialComponent.*?> \\.\n", "");
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      long version = catalog.store().version();
      ImportReport report = StandardsFixture.importText(catalog, StandardFormat.CTDL, "cycle.ttl", doc);
      assertTrue(reasons(report).contains("cannot contain itself"), () -> reasons(report));
      assertTrue(catalog.snapshot().findPathway("https://example.org/cycle").isEmpty());
      assertEquals(version, catalog.store().version(), () -> "nothing of the cyclic pathway is written: "
          + report.added());
    }
  }

  @Test
  void aChainOfPrerequisitesTooLongIsRefused() {
    StringBuilder doc = new StringBuilder(PREFIXES);
    int n = Requirement.MAX_NESTING + 5;
    for (int i = 0; i < n; i++) {
      doc.append(badge("p" + i, i + 1 < n ? "; ceterms:requires [ a ceterms:ConditionProfile ;"
          + " ceterms:targetCredential ex:p" + (i + 1) + " ]" : ""));
    }
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      ImportReport report = StandardsFixture.importText(catalog, StandardFormat.CTDL, "chain.ttl", doc.toString());
      assertTrue(reasons(report).contains("chain of " + (n - 1) + " prerequisites"), () -> reasons(report));
      assertTrue(catalog.snapshot().findCredential("https://example.org/p0").isEmpty());
    }
  }

  @Test
  void documentsNestedPastWhatTheReadersTakeAreRefusedWithAMessage() {
    // 20,000 conditions nested as blank nodes in Turtle, and JSON nested 5,000 deep: quickly refused, no overflow
    StringBuilder ttl = new StringBuilder(PREFIXES).append("ex:p a ceterms:Pathway ; ceterms:name \"p\"@en ;"
        + " ceterms:hasDestinationComponent [ a ceterms:CredentialComponent ; ceterms:name \"d\"@en ;"
        + " ceterms:proxyFor <https://w3id.org/cairn/id/credential/nb-cert-data-analytics> ; ceterms:hasCondition ");
    int depth = 20_000;
    ttl.append("[ a ceterms:ComponentCondition ; ceterms:hasCondition ".repeat(depth)).append("ex:x")
        .append(" ]".repeat(depth)).append(" ] .\n");
    String json = "{\"@context\": \"https://credreg.net/ctdl/schema/context/json\", \"@graph\": "
        + "[".repeat(5_000) + "]".repeat(5_000) + "}";
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      long version = catalog.store().version();
      assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
        for (String[] doc : new String[][] {{"deep-blank.ttl", ttl.toString()}, {"deep.jsonld", json}}) {
          try {
            ImportReport report = StandardsFixture.importText(catalog, StandardFormat.CTDL, doc[0], doc[1]);
            assertTrue(report.added().isEmpty(), doc[0] + ": " + report.added());
            assertTrue(reasons(report).contains("nests conditions") || !report.refused().isEmpty(),
                () -> reasons(report));
          } catch (StandardFormatException e) {
            assertTrue(e.getMessage().contains(doc[0]), e::getMessage);
          }
        }
      });
      assertTrue(catalog.snapshot().findPathway("https://example.org/p").isEmpty());
      assertTrue(catalog.store().version() >= version);
    }
  }
}
