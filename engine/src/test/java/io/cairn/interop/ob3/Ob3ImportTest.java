package io.cairn.interop.ob3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialKind;
import io.cairn.graph.LiveCatalog;
import io.cairn.interop.ImportReport;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.StandardsFixture;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Open Badges 3.0 achievements as catalog credentials, from the independently signed fixtures (their manifest
 * says what each holds: achievement id, type and ESCO alignments).
 */
class Ob3ImportTest {
  @Test
  void everyFixturesAchievementIsACatalogCredentialAlignedAsTheManifestSays() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(StandardsFixture.fixture("ob3/manifest.json").toFile());
    try (LiveCatalog catalog = StandardsFixture.escoOnly()) {
      ImportReport report = StandardsFixture.importFiles(catalog, StandardFormat.OB3, "fixtures/ob3");
      CatalogSnapshot s = catalog.snapshot();
      Set<String> achievements = new TreeSet<>();
      for (JsonNode entry : manifest.path("files")) {
        List<JsonNode> expected = new java.util.ArrayList<>();
        if (!entry.path("achievementId").isNull() && entry.has("achievementId")) {
          expected.add(entry);
        }
        entry.path("nested").forEach(expected::add);
        for (JsonNode e : expected) {
          String id = e.path("achievementId").asText();
          achievements.add(id);
          Credential c = s.findCredential(id).orElseThrow(() -> new AssertionError("not imported: " + id));
          Set<String> aligned = new HashSet<>();
          e.path("alignments").forEach(a -> aligned.add(a.asText()));
          Set<String> taught = new HashSet<>();
          c.teaches().stream().forEach(i -> taught.add(s.competency(i).iri()));
          // the sample's ESCO part holds most of the aligned skills; each it holds is taught
          Set<String> known = new HashSet<>(aligned);
          known.removeIf(iri -> s.findCompetency(iri).isEmpty());
          assertEquals(known, taught, id);
          if (e.has("achievementType")) {
            assertEquals(e.get("achievementType").asText(), c.achievementType(), id);
          }
        }
      }
      assertTrue(achievements.size() >= 8, achievements::toString);
      // the manifest is no badge: refused with the reason, and every other file was read
      assertEquals(List.of("manifest.json"), report.refused().stream().map(ImportReport.Refusal::resource).toList());
      Credential python = s.findCredential("https://example.org/achievements/python-for-data-analysis").orElseThrow();
      assertEquals(CredentialKind.BADGE, python.kind());
      assertEquals("Northwind Data Academy", s.issuer(python.issuer()).name());
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("takes the issuer of the credential")));
      assertFalse(catalog.store().describe("https://example.org/achievements/python-for-data-analysis")
          .contains("proofValue"));
    }
  }

  @Test
  void aBareAchievementArrayAndOneWithoutAnIdWhichIsRefused() {
    String achievements = """
        [{"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "https://badges.example/a/sql", "type": ["Achievement"], "achievementType": "MicroCredential",
          "name": "SQL at work", "description": "Queries.", "criteria": {"narrative": "Pass the test."},
          "humanCode": "SQL-1", "creditsAvailable": 3,
          "creator": {"id": "https://badges.example/org", "type": ["Profile"], "name": "Badge Org"},
          "alignment": [{"type": ["Alignment"], "targetName": "SQL", "targetFramework": "ESCO",
                         "targetUrl": "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"}]},
         {"type": ["Achievement"], "name": "No id", "description": "x", "criteria": {"narrative": "y"}}]
        """;
    try (LiveCatalog catalog = StandardsFixture.escoOnly()) {
      ImportReport report = StandardsFixture.importText(catalog, StandardFormat.OB3, "badges.json", achievements);
      Credential sql = catalog.snapshot().findCredential("https://badges.example/a/sql").orElseThrow();
      assertEquals(CredentialKind.MICRO_CREDENTIAL, sql.kind());
      assertEquals(List.of("SQL"), sql.teaches().stream().mapToObj(i -> catalog.snapshot().competency(i).label()).toList());
      assertEquals(0.0, sql.ects(), "creditsAvailable has no unit; it is not read as ECTS");
      assertEquals("Badge Org", catalog.snapshot().issuer(sql.issuer()).name());
      assertEquals(List.of("No id"), report.refused().stream().map(ImportReport.Refusal::resource).toList());
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("creditsAvailable")));
    }
  }
}
