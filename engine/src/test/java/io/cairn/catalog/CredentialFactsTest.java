package io.cairn.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import org.junit.jupiter.api.Test;

/** The packed facts read back exactly what the credential records say, for every credential of the sample. */
class CredentialFactsTest {

  private static CatalogSnapshot sample() {
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      catalog.load(SampleData.sources());
      return catalog.snapshot();
    }
  }

  @Test
  void packedFactsMatchTheRecords() {
    CatalogSnapshot s = sample();
    CredentialFacts facts = s.facts();
    int withPrerequisites = 0;
    int stacking = 0;
    for (Credential c : s.credentials()) {
      int i = c.index();
      assertEquals(c.cost(), facts.cost(i), c.id());
      assertEquals(c.hours(), facts.hours(i), c.id());
      assertEquals(c.mode(), facts.mode(i), c.id());
      assertEquals(c.eqfLevel(), facts.eqfLevel(i), c.id());
      assertEquals(c.creditBearing(), facts.creditBearing(i), c.id());
      boolean prerequisites = !c.requiredCredentials().isEmpty() || !c.requiredCompetencies().isEmpty();
      assertEquals(prerequisites, facts.hasPrerequisites(i), c.id());
      assertEquals(!s.stacksIntoClosure(i).isEmpty(), facts.stacks(i), c.id());
      assertEquals(c.teaches().size(), facts.teachesCount(i), c.id());
      withPrerequisites += prerequisites ? 1 : 0;
      stacking += facts.stacks(i) ? 1 : 0;
    }
    // the sample exercises both sides of every flag
    assertTrue(withPrerequisites > 0 && withPrerequisites < s.credentials().size(), "prerequisites");
    assertTrue(stacking > 0 && stacking < s.credentials().size(), "stacking");
  }

  @Test
  void aCompetencyIsOpenToAllWhenOneOfItsTeachersHasNoPrerequisites() {
    CatalogSnapshot s = sample();
    for (Competency k : s.competencies()) {
      boolean open = s.taughtBy(k.index()).stream().anyMatch(c -> !s.facts().hasPrerequisites(c));
      assertEquals(open, s.taughtWithoutPrerequisites(k.index()), k.id());
    }
  }
}
