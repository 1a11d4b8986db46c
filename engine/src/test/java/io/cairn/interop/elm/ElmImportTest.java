package io.cairn.interop.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialKind;
import io.cairn.catalog.DeliveryMode;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.RdfSource;
import io.cairn.interop.ImportReport;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.StandardsFixture;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;

/** The European Learning Model's own examples, into Cairn's catalog. */
class ElmImportTest {
  private static final String DEVELOP_DIGITAL_CONTENT = "http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a";

  @Test
  void theAnnexOneMicroCredentialWithItsWorkloadCreditsLevelModeAndOutcomes() {
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      // one of its ESCO skills, as a full ESCO import would hold it, so the outcome resolves
      catalog.load(List.of(RdfSource.fromText("esco-extra.ttl", """
          <%s> a <http://data.europa.eu/esco/model#Skill> , <http://www.w3.org/2004/02/skos/core#Concept> ;
            <http://www.w3.org/2004/02/skos/core#prefLabel> "develop digital content"@en .
          """.formatted(DEVELOP_DIGITAL_CONTENT), Lang.TURTLE)));
      ImportReport report = StandardsFixture.importFiles(catalog, StandardFormat.ELM,
          "elm/examples/Sample-MC-Annex1-unsigned.jsonld");
      assertTrue(report.refused().isEmpty(), report.refused()::toString);
      CatalogSnapshot s = catalog.snapshot();
      Credential mc = report.added().stream().filter(r -> r.kind().equals("MicroCredential"))
          .map(r -> s.findCredential(r.iri()).orElseThrow()).findFirst().orElseThrow();
      assertEquals("Digital micro-credential creation", mc.name());
      assertEquals(CredentialKind.MICRO_CREDENTIAL, mc.kind());
      assertEquals(60.0, mc.hours());
      assertEquals(2.0, mc.ects());
      assertEquals(6, mc.eqfLevel());
      assertEquals(DeliveryMode.BLENDED, mc.mode());
      assertEquals("University of Zed", s.issuer(mc.issuer()).name());
      assertEquals(List.of("develop digital content"), mc.teaches().stream().mapToObj(i -> s.competency(i).label()).toList());
      // the learner's data in the issued credential is not catalog data
      String stored = catalog.store().describe(mc.iri()) + catalog.store().describe(report.sources().getFirst().graph());
      for (String personal : List.of("Person", "dateOfBirth", "nationalID", "familyName")) {
        assertFalse(stored.contains(personal), personal);
      }
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("not catalog data")));
      // its entry requirement is kept as ELM text
      assertTrue(catalog.store().describe(mc.iri()).contains("entryRequirement"));
    }
  }

  @Test
  void documentsWithNothingForTheCatalogAreRefusedWithTheReasonAndTheOthersGoIn() {
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      ImportReport report = StandardsFixture.importFiles(catalog, StandardFormat.ELM, "elm/examples");
      // the certificate of participation and the Turtle credential name no specification
      assertEquals(List.of("Sample-CertOfPart-unsigned.jsonld", "credential-sample.jsonld", "credential-sample.ttl"),
          report.refused().stream().map(ImportReport.Refusal::resource).sorted().toList());
      assertTrue(report.refused().stream().allMatch(r -> r.reason().contains("no ELM learning achievement")));
      assertEquals(1, report.added().stream().filter(r -> r.kind().equals("MicroCredential")).count());
      assertEquals(1, report.sources().size());
    }
  }
}
