package io.cairn.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.labor.FixtureModel;
import io.cairn.labor.model.ModelSkillValues;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learned scorer over a real model trained on the labor fixture, on the sample catalog. */
class SkillValueScorerTest {
  private static final ModelSkillValues VALUES = new ModelSkillValues(FixtureModel.model());

  @Test
  void withoutAModelAGoalFreeQuestionIsRefusedWithWhatToDo() {
    CatalogSnapshot s = SampleCatalog.snapshot();
    ModelRequiredException e = assertThrows(ModelRequiredException.class, () -> Recommender.builder().build()
        .recommend(s, new RecommendationRequest(Learner.empty(), new Goal.FieldGoal("251"), Constraints.none(), 3)));
    assertTrue(e.getMessage().contains("--model"), e.getMessage());
  }

  @Test
  void aGoalFreeQuestionAimsAtTheModelsNextSkills() {
    CatalogSnapshot s = SampleCatalog.snapshot();
    Learner learner = new Learner("l", List.of(s.credential(0).id()), List.of());
    RecommendationList list = Recommender.builder().skillValues(VALUES).build()
        .recommend(s, new RecommendationRequest(learner, new Goal.FieldGoal(""), Constraints.none(), 5));
    assertEquals("field", list.goal().kind());
    assertTrue(list.scorer().startsWith("learned"), list.scorer());
    IntSet held = s.competenciesTaughtBy(IntSet.of(0));
    SkillValues next = VALUES.values(s, held, "", -1, IntSet.empty(), TargetResolver.FIELD_TARGETS);
    assertEquals(IntSet.of(java.util.Arrays.stream(next.adjacent()).boxed().toList()), list.goal().unmet());
    assertFalse(list.items().isEmpty());
  }

  @Test
  void valuesComeFromOneModelPassAndNeverIncludeHeldSkills() {
    CatalogSnapshot s = SampleCatalog.snapshot();
    Occupation goal = s.occupation(0);
    IntSet held = IntSet.of(goal.essential().toArray()[0]);
    IntSet wanted = goal.essential().union(goal.optional()).minus(held);
    SkillValues v = VALUES.values(s, held, "", goal.index(), wanted, 5);
    for (int i = 0; i < wanted.size(); i++) {
      assertTrue(java.util.Arrays.binarySearch(v.skills(), wanted.get(i)) >= 0, "a wanted skill was not valued");
    }
    assertTrue(v.adjacent().length <= 5);
    for (int a : v.adjacent()) {
      assertFalse(wanted.contains(a) || held.contains(a), "adjacent skills lie outside the goal and the profile");
    }
    for (int i = 1; i < v.adjacent().length; i++) {
      assertTrue(v.value(v.adjacent()[i - 1]) >= v.value(v.adjacent()[i]), "adjacent skills best first");
    }
  }
}
