package io.cairn.gaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialKind;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.Destination;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.PathwaySkills;
import io.cairn.catalog.Requirement;
import io.cairn.gaps.CoverageReport.Relation;
import io.cairn.gaps.CoverageReport.SkillCoverage;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverageAnalysisTest {
  // competencies: 0 sql, 1 python, 2 statistics, 3 ethics (taught by nobody), 4 git
  private static final int SQL = 0;
  private static final int PYTHON = 1;
  private static final int STATS = 2;
  private static final int ETHICS = 3;
  private static final int GIT = 4;

  private static CatalogSnapshot tiny(List<Pathway> pathways) {
    List<Competency> competencies = new ArrayList<>();
    String[] names = {"sql", "python", "statistics", "ethics", "git"};
    for (int i = 0; i < names.length; i++) {
      competencies.add(new Competency(i, "http://data.europa.eu/esco/skill/" + names[i], names[i], names[i],
          List.of(), "skill", "cross-sector", 0, 0, ""));
    }
    List<Credential> credentials = List.of(
        credential(0, "sql-badge", IntSet.of(SQL)),
        credential(1, "data-cert", IntSet.of(SQL, PYTHON, STATS)),
        credential(2, "py-course", IntSet.of(PYTHON)));
    Occupation analyst = new Occupation(0, "http://data.europa.eu/esco/occupation/analyst", "analyst", "Analyst",
        "2511", IntSet.of(SQL, PYTHON, ETHICS), IntSet.of(STATS, GIT));
    return new CatalogSnapshot(1, Instant.EPOCH, competencies, List.of(analyst), credentials, List.of(), pathways,
        competencies.stream().map(c -> IntSet.empty()).toList());
  }

  private static Credential credential(int index, String id, IntSet teaches) {
    return new Credential(index, "https://w3id.org/cairn/id/credential/" + id, id, id, "", CredentialKind.OTHER,
        "Badge", -1, 10, 0, 0, DeliveryMode.ONLINE, 0, "EUR", teaches, IntSet.empty(), IntSet.empty(), List.of());
  }

  @Test
  void occupationListsEssentialThenOptionalSkillsLeastTaughtFirst() {
    CatalogSnapshot s = tiny(List.of());
    CoverageReport report = CoverageAnalysis.of(s, s.occupation(0));
    assertEquals("occupation", report.kind());
    assertEquals("analyst", report.id());
    assertEquals(List.of(ETHICS, PYTHON, SQL, GIT, STATS),
        report.skills().stream().map(SkillCoverage::competency).toList(),
        "essential first (ethics: none, python and sql: two each, by label), then optional (git: none, stats: one)");
    assertEquals(List.of(Relation.ESSENTIAL, Relation.ESSENTIAL, Relation.ESSENTIAL, Relation.OPTIONAL,
        Relation.OPTIONAL), report.skills().stream().map(SkillCoverage::relation).toList());
    assertEquals(IntSet.of(0, 1), report.skills().get(2).taughtBy(), "sql: the badge and the certificate");
    assertEquals(3, report.taughtCount());
    assertEquals(List.of(ETHICS, GIT), report.untaught().stream().map(SkillCoverage::competency).toList());
    assertEquals(IntSet.of(0, 1, 2), CoverageAnalysis.teachingAny(report));
  }

  @Test
  void pathwayCountsNestedCompetencyLeavesAsRequiredAndAddsItsGoalOccupationOnce() {
    Requirement tree = new Requirement.Condition("urn:c:root", "root", "All", Requirement.Rule.ALL_OF, 2, 0, false,
        List.of(new Requirement.CredentialLeaf("urn:k:badge", "badge", "The badge", 0),
            new Requirement.Condition("urn:c:any", "any", "One of", Requirement.Rule.AT_LEAST, 1, 0, false,
                List.of(new Requirement.CompetencyLeaf("urn:k:git", "git", "Git", GIT),
                    new Requirement.CompetencyLeaf("urn:k:sql", "sql", "SQL", SQL)))));
    Pathway pathway = new Pathway(0, "https://w3id.org/cairn/id/pathway/p", "p", "Data pathway",
        "", List.of(new Destination("urn:d", "d", "Done", -1, false, tree)), 0);
    CatalogSnapshot s = tiny(List.of(pathway));
    CoverageReport report = CoverageAnalysis.of(s, s.pathway(0));
    assertEquals("pathway", report.kind());
    assertEquals("Data pathway", report.label());
    assertEquals(5, report.skills().size(), "git and sql once each, as required, plus ethics, python, stats");
    assertEquals(List.of(GIT, SQL, ETHICS, PYTHON, STATS),
        report.skills().stream().map(SkillCoverage::competency).toList());
    assertEquals(Relation.REQUIRED, report.skills().get(1).relation(), "sql is required, not essential");
    assertFalse(report.skills().get(0).taught(), "no credential teaches git");
  }

  @Test
  void pathwayWithoutGoalOccupationCoversOnlyItsGoalSkillsTheSkillsOfTheCredentialsItNames() {
    Requirement tree = new Requirement.CredentialLeaf("urn:k:cert", "cert", "The certificate", 1);
    Pathway pathway = new Pathway(0, "https://w3id.org/cairn/id/pathway/q", "q", "Certificate only", "",
        List.of(new Destination("urn:d", "d", "Done", 1, false, tree)), -1);
    CatalogSnapshot s = tiny(List.of(pathway));
    CoverageReport report = CoverageAnalysis.of(s, s.pathway(0));
    // the certificate teaches sql, python and statistics: those are what the pathway asks for, as the learner's
    // goal counts them (PathwaySkills), and nothing else
    assertEquals(IntSet.of(SQL, PYTHON, STATS), IntSet.of(report.skills().stream().map(SkillCoverage::competency)
        .toList()));
    assertTrue(report.skills().stream().allMatch(k -> k.relation() == Relation.REQUIRED));
    assertEquals(PathwaySkills.of(s, s.pathway(0)).size(), report.skills().size());
  }

  @Test
  void onTheSampleEveryOccupationSkillIsReportedOnceWithExactlyTheCredentialsTeachingIt() {
    CatalogSnapshot s;
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      catalog.load(SampleData.sources());
      s = catalog.snapshot();
    }
    assertFalse(s.occupations().isEmpty());
    for (Occupation o : s.occupations()) {
      CoverageReport report = CoverageAnalysis.of(s, o);
      Set<Integer> expected = new HashSet<>();
      o.essential().stream().forEach(expected::add);
      o.optional().stream().forEach(expected::add);
      List<Integer> reported = report.skills().stream().map(SkillCoverage::competency).toList();
      assertEquals(expected, new HashSet<>(reported), o.label());
      assertEquals(expected.size(), reported.size(), o.label() + ": each skill once");
      for (SkillCoverage skill : report.skills()) {
        List<Integer> teaching = new ArrayList<>();
        for (Credential c : s.credentials()) {
          // taught, or taught through a narrower concept (a skill group is covered through its skills)
          if (c.teaches().contains(skill.competency())
              || c.teaches().stream().anyMatch(k -> s.ancestors(k).contains(skill.competency()))) {
            teaching.add(c.index());
          }
        }
        assertEquals(IntSet.of(teaching), skill.taughtBy(), o.label() + " / " + s.competency(skill.competency()).label());
      }
    }
  }
}
