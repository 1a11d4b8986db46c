package io.cairn.interop.esco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real ESCO 1.1.1 download from {@code ../shared/datasets} (CI has it): every file's row count equals the
 * counts its README publishes, and the sample works on top of full ESCO.
 */
class EscoRealDataTest {
  private static LiveCatalog catalog;
  private static EscoImportReport report;

  @BeforeAll
  static void importEsco() {
    catalog = FullEsco.catalog();
    report = FullEsco.report();
  }

  @Test
  void everyFileHasTheRowCountTheReadmeGives() {
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("conceptSchemes_en.csv", 19L);
    expected.put("ISCOGroups_en.csv", 619L);
    expected.put("skillGroups_en.csv", 640L);
    expected.put("skills_en.csv", 13_896L);
    expected.put("occupations_en.csv", 3_007L);
    expected.put("skillsHierarchy_en.csv", 647L);
    expected.put("broaderRelationsSkillPillar.csv", 20_656L);
    expected.put("broaderRelationsOccPillar.csv", 3_617L);
    expected.put("occupationSkillRelations.csv", 123_855L);
    expected.put("skillSkillRelations.csv", 5_899L);
    expected.put("digitalSkillsCollection_en.csv", 1_201L);
    expected.put("greenSkillsCollection_en.csv", 570L);
    expected.put("languageSkillsCollection_en.csv", 346L);
    expected.put("transversalSkillsCollection_en.csv", 96L);
    expected.put("researchSkillsCollection_en.csv", 40L);
    expected.put("researchOccupationsCollection_en.csv", 122L);
    expected.put("digCompSkillsCollection_en.csv", 26L);
    assertEquals(expected, report.rowsPerFile());
    assertEquals(0, report.skippedRows());
    assertEquals("1.1.1", report.version());
  }

  @Test
  void theGraphHoldsEveryConceptAndLink() {
    CatalogSnapshot s = catalog.snapshot();
    long skills = s.competencies().stream().filter(c -> !c.skillType().equals("skill-group")).count();
    long groups = s.competencies().size() - skills;
    assertEquals(13_896, skills);
    assertEquals(640, groups);
    assertEquals(3_007, s.occupations().size());
    long linkTriples = catalog.store().countPredicate(EscoImporter.GRAPH, "http://data.europa.eu/esco/model#relatedEssentialSkill")
        + catalog.store().countPredicate(EscoImporter.GRAPH, "http://data.europa.eu/esco/model#relatedOptionalSkill");
    assertEquals(123_855 + 5_899, linkTriples, "occupation-skill plus skill-skill links");
    // 67 rows of occupationSkillRelations.csv name occupations that occupations_en.csv does not release; the
    // graph keeps their links, the snapshot (released occupations only) cannot attach them
    long links = s.occupations().stream().mapToLong(o -> o.essential().size() + o.optional().size()).sum();
    assertEquals(123_855 - 67, links);
    assertTrue(s.occupations().stream().allMatch(o -> o.iscoGroup().matches("\\d{4}")),
        "every occupation reaches an ISCO unit group through skos:broader");
    assertEquals(report.triples(), catalog.store().graphSize(EscoImporter.GRAPH));
  }

  @Test
  void theSampleResolvesToImportedConcepts() {
    CatalogSnapshot before = catalog.snapshot();
    // the sample goes on top and comes off again, so the shared import stays plain ESCO for other tests
    catalog.load(SampleData.sources());
    CatalogSnapshot after = catalog.snapshot();
    catalog.removeSources(SampleData.sources().stream().map(io.cairn.graph.RdfSource::graphName).toList());
    // every sample skill is a real ESCO skill: loading the sample adds no competency
    long afterSkills = after.competencies().stream().filter(c -> !c.skillType().equals("skill-group")).count();
    assertEquals(13_896, afterSkills);
    assertEquals(before.occupations().size(), after.occupations().size());
    assertTrue(after.credentials().size() >= 60);
    Competency python = after.findCompetency("ccd0a1d9-afda-43d9-b901-96344886e14d").orElseThrow();
    assertTrue(after.taughtBy(python.index()).size() > 0, "a sample credential teaches the imported Python skill");
    assertTrue(python.altLabels().size() > 1, "full ESCO brings more labels than the sample");
  }
}
