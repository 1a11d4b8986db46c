package io.cairn.interop.casepkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.graph.LiveCatalog;
import io.cairn.interop.ImportReport;
import io.cairn.interop.ImportSource;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.StandardsFixture;
import io.cairn.interop.StandardsProgress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A CASE package is a competency framework in its own graph; items matched to ESCO (by the package or a mapping
 * file) make credentials aligned to them count toward the ESCO skills, through the snapshot's competency
 * resolution.
 */
class CaseImportTest {
  private static final String PACKAGE = "case/examples/opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json";
  private static final String OPENSALT = "http://opensalt-staging.opened.com/uri/";
  private static final String RATIO = OPENSALT + "b6f61076-aa12-450b-8f9d-b86bc071f85e";        // 6.RP.A.1
  private static final String UNIT_RATE = OPENSALT + "eceec0fb-e4de-4ef3-a48f-0987b366c9ae";    // 6.RP.A.2
  private static final String CLUSTER = OPENSALT + "edfce0e7-dbbf-40d5-af1a-baccabef85e9";      // 6.RP.A
  private static final String CLUSTER_MATCH = OPENSALT + "5b6c487e-04f1-5ba9-9722-d099849b9167"; // its exactMatchOf
  private static final String STATISTICS = "http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833";
  private static final String MATHS = "http://data.europa.eu/esco/skill/31c69100-b612-4a61-8db5-fd314318854c";

  @Test
  void theFrameworkIsAConceptSchemeWithItsHierarchyAndTheSchemasVerdict() {
    try (LiveCatalog catalog = StandardsFixture.escoOnly()) {
      ImportReport report = StandardsFixture.importFiles(catalog, StandardFormat.CASE, PACKAGE);
      assertEquals(16, report.added().stream().filter(r -> r.kind().equals("CFItem")).count());
      assertEquals(1, report.added().stream().filter(r -> r.kind().equals("CFDocument")).count());
      assertEquals(39, report.added().stream().filter(r -> r.kind().equals("CFAssociation")).count());
      String ratio = catalog.store().describe(RATIO);
      assertTrue(ratio.contains("skos:broader") && ratio.contains(CLUSTER), ratio);
      assertTrue(ratio.contains("CCSS.Math.Content.6.RP.A.1"), ratio);
      assertTrue(catalog.store().describe(CLUSTER).contains(CLUSTER_MATCH));
      // a CASE 1.0 package: the 1.1 schema's complaints are reported, and it is imported as far as it goes
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("does not conform to the CASE 1.1 JSON Schema")));
      // a source is known by where it came from, as a loaded file is: its graph is named after the file's path
      ImportReport.SourceRecord source = report.sources().getFirst();
      assertTrue(source.origin().startsWith("file:///") && source.origin().endsWith("/" + PACKAGE.substring(
          PACKAGE.lastIndexOf('/') + 1)), source::toString);
      assertEquals("urn:cairn:source:" + source.origin(), source.graph());
    }
  }

  @Test
  void credentialsAlignedToMappedItemsCountTowardTheirEscoSkillsOneHopOnly() {
    String mapping = "item,esco,match\n"
        + "CCSS.Math.Content.6.RP.A.1," + STATISTICS + ",exact\n"   // by human coding scheme
        + UNIT_RATE + "," + MATHS + ",close\n"                      // by uri
        + "CCSS.Math.Content.6.RP.A," + MATHS + ",exact\n";         // the cluster
    try (LiveCatalog catalog = StandardsFixture.escoOnly()) {
      ImportReport report = StandardsFixture.standards().importDocuments(catalog, StandardFormat.CASE,
          List.of(ImportSource.read(StandardsFixture.file(PACKAGE))),
          List.of(ImportSource.of("ccss-esco.csv", mapping.getBytes(StandardCharsets.UTF_8))),
          io.cairn.graph.GraphStore.LoadMode.ADD_OR_RELOAD, StandardsFixture.CLOCK, StandardsProgress.silent());
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("ccss-esco.csv") && n.contains("3 item(s)")),
          report.notes()::toString);
      // badges aligned to the framework's items, and one aligned to what the cluster is an exact match of
      StandardsFixture.importText(catalog, StandardFormat.OB3, "ccss-badges.json", """
          [%s, %s, %s]""".formatted(badge("ratio", RATIO), badge("unit-rate", UNIT_RATE), badge("via", CLUSTER_MATCH)));
      CatalogSnapshot s = catalog.snapshot();
      assertEquals(Set.of(STATISTICS), taught(s, "https://badges.example/a/ratio"));
      assertEquals(Set.of(MATHS), taught(s, "https://badges.example/a/unit-rate"), "closeMatch counts too");
      // CLUSTER_MATCH exactMatch CLUSTER exactMatch MATHS is two hops: it does not count
      assertEquals(Set.of(), taught(s, "https://badges.example/a/via"));
    }
  }

  @Test
  void anImportedFrameworkExportsAsValidCase11AndVocabulariesOtherDocumentsCiteDoNot() {
    try (LiveCatalog catalog = StandardsFixture.escoOnly()) {
      // an ELM document cites concepts of vocabularies (EQF levels, modes, languages): schemes, not frameworks
      StandardsFixture.importFiles(catalog, StandardFormat.ELM, "elm/examples/Sample-MC-Annex1-unsigned.jsonld");
      StandardsFixture.importFiles(catalog, StandardFormat.CASE, PACKAGE);
      var packages = StandardsFixture.standards().exportCatalog(catalog, StandardFormat.CASE, StandardsFixture.CLOCK.instant());
      assertEquals(Set.of("esco-skills.case.json", "what-standards-could-be-20c5134f.case.json"), packages.keySet());
      CaseSchema schema = CaseSchema.load(StandardsFixture.standards().files());
      var framework = packages.get("what-standards-could-be-20c5134f.case.json");
      assertEquals(List.of(), schema.errors(io.cairn.interop.DocumentGraphs.text(framework)));
      assertEquals(16, framework.get("CFItems").size());
      assertEquals(39, framework.get("CFAssociations").size());
      assertEquals("20c5134f-423d-4097-a971-3dd5152bf507", framework.get("CFDocument").get("identifier").asText());
    }
  }

  @Test
  void theSmallOpenSaltTestPackage() {
    try (LiveCatalog catalog = StandardsFixture.escoOnly()) {
      ImportReport report = StandardsFixture.importFiles(catalog, StandardFormat.CASE,
          "case/examples/opensalt-SmartLevelFramework.json");
      assertEquals(14, report.added().stream().filter(r -> r.kind().equals("CFItem")).count());
      assertTrue(report.refused().isEmpty());
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("no item is matched to an ESCO skill")));
    }
  }

  private static Set<String> taught(CatalogSnapshot s, String credential) {
    Credential c = s.findCredential(credential).orElseThrow();
    Set<String> iris = new TreeSet<>();
    c.teaches().stream().forEach(i -> iris.add(s.competency(i).iri()));
    return iris;
  }

  private static String badge(String slug, String item) {
    return """
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "https://badges.example/a/%s", "type": ["Achievement"], "achievementType": "Badge",
         "name": "%s", "description": "d", "criteria": {"narrative": "n"},
         "alignment": [{"type": ["Alignment"], "targetName": "item", "targetUrl": "%s", "targetFramework": "CCSS"}]}
        """.formatted(slug, slug, item);
  }
}
