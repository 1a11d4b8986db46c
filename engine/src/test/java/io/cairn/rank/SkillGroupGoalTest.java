package io.cairn.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.Destination;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import io.cairn.gaps.CoverageAnalysis;
import io.cairn.gaps.CoverageReport;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A skill group as a goal (issue 15): ISCED-F 0613 "software and applications development and analysis" is taught by
 * no credential of the sample itself, but its narrower skills are, so it is covered through them, in the
 * recommendations' goal coverage and in the curriculum coverage alike.
 */
class SkillGroupGoalTest {
  private static LiveCatalog catalog;
  private static CatalogSnapshot s;
  private static int group;

  @BeforeAll
  static void sample() {
    catalog = new LiveCatalog(GraphStore.inMemory());
    catalog.load(SampleData.sources());
    s = catalog.snapshot();
    group = s.findCompetency("0613").orElseThrow().index();
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  /** Worked out from the hierarchy, independently of the snapshot's index: a credential teaching a narrower one. */
  private static IntSet teachingANarrowerSkill(int broader) {
    List<Integer> found = new ArrayList<>();
    for (Credential c : s.credentials()) {
      if (c.teaches().stream().anyMatch(k -> s.ancestors(k).contains(broader))) {
        found.add(c.index());
      }
    }
    return IntSet.of(found);
  }

  @Test
  void theGroupIsTaughtThroughItsNarrowerSkills() {
    assertTrue(s.taughtBy(group).isEmpty(), "no credential aligns to the group itself");
    IntSet expected = teachingANarrowerSkill(group);
    assertFalse(expected.isEmpty(), "the sample teaches skills under 0613");
    assertEquals(expected, s.coveredBy(group));
  }

  @Test
  void aSkillGroupGoalGetsSuggestionsThatCoverIt() {
    RecommendationList list = Cairn.over(catalog).recommend(new RecommendationRequest(Learner.empty(),
        new Goal.CompetencyGoal(List.of("0613")), Constraints.none(), 5));
    assertFalse(list.items().isEmpty(), "suggestions for the group: " + list.reason());
    for (Recommendation r : list.items()) {
      assertTrue(r.explanation().covers().stream().anyMatch(t -> t.competency() == group),
          s.credential(r.credential()).id() + " is suggested for covering the group");
      assertTrue(s.coveredBy(group).contains(r.credential()), s.credential(r.credential()).id());
    }
  }

  @Test
  void curriculumCoverageCountsTheGroupAsTaught() {
    Requirement tree = new Requirement.CompetencyLeaf("urn:k:0613", "k0613", "Software development", group);
    Pathway pathway = new Pathway(0, "https://w3id.org/cairn/id/pathway/g", "g", "Group only", "",
        List.of(new Destination("urn:d", "d", "Done", -1, false, tree)), -1);
    CoverageReport report = CoverageAnalysis.of(s, pathway);
    assertEquals(1, report.skills().size());
    assertTrue(report.skills().getFirst().taught(), "taught through its narrower skills");
    assertEquals(teachingANarrowerSkill(group), report.skills().getFirst().taughtBy());
  }
}
