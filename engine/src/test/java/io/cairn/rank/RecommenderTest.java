package io.cairn.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.IntSet;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import io.cairn.learner.UnknownReferenceException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommenderTest {
  private static final Recommender RECOMMENDER = Recommender.builder().build();

  private static RecommendationRequest request(Learner learner, Goal goal, Constraints constraints, int k) {
    return new RecommendationRequest(learner, goal, constraints, k);
  }

  @Test
  void aGoalNothingTeachesYieldsAnEmptyListWithTheReason() {
    CatalogSnapshot s = SampleCatalog.snapshot();
    // the sample leaves this ESCO skill untaught on purpose (see datasets/sample/README.md)
    String untaught = s.competencies().stream().filter(c -> c.label().equals("manage closed-circuit television system"))
        .findFirst().orElseThrow().id();
    RecommendationList list = RECOMMENDER.recommend(s, request(Learner.empty(),
        new Goal.CompetencyGoal(List.of(untaught)), Constraints.none(), 5));
    assertTrue(list.items().isEmpty());
    assertTrue(list.reason().orElseThrow().contains("no credential in the catalog teaches"), list.reason().get());
  }

  @Test
  void aGoalAlreadyReachedYieldsAnEmptyListWithTheReason() {
    CatalogSnapshot s = SampleCatalog.snapshot();
    List<String> ids = List.of(s.competency(3).id(), s.competency(7).id());
    RecommendationList list = RECOMMENDER.recommend(s, request(new Learner("", List.of(), ids),
        new Goal.CompetencyGoal(ids), Constraints.none(), 5));
    assertTrue(list.items().isEmpty());
    assertTrue(list.reason().orElseThrow().startsWith("goal already reached"), list.reason().get());
  }

  @Test
  void constraintsThatExcludeEverythingAreNamedInTheReason() {
    CatalogSnapshot s = SampleCatalog.snapshot();
    Constraints impossible = new Constraints(0, 1, Set.of(DeliveryMode.IN_PERSON), true, 8);
    RecommendationList list = RECOMMENDER.recommend(s, request(Learner.empty(),
        new Goal.OccupationGoal(s.occupation(0).id()), impossible, 5));
    assertTrue(list.items().isEmpty());
    String reason = list.reason().orElseThrow();
    assertTrue(reason.contains("none fits the constraints"), reason);
    assertFalse(list.excluded().isEmpty());
  }

  @Test
  void unknownIdsAreListedInTheError() {
    CatalogSnapshot s = SampleCatalog.snapshot();
    UnknownReferenceException e = assertThrows(UnknownReferenceException.class, () -> RECOMMENDER.recommend(s,
        request(new Learner("", List.of("no-such-badge", "nor-this"), List.of()),
            new Goal.OccupationGoal(s.occupation(0).id()), Constraints.none(), 5)));
    assertEquals(List.of("no-such-badge", "nor-this"), e.ids());
    assertThrows(UnknownReferenceException.class, () -> RECOMMENDER.recommend(s,
        request(Learner.empty(), new Goal.PathwayGoal("no-such-pathway"), Constraints.none(), 5)));
  }

  @Test
  void aCredentialOnePrerequisiteAwayIsFlaggedAndTwoAwayIsLeftOut() {
    TinyCatalog tiny = new TinyCatalog();
    int x = tiny.skill("x");
    int y = tiny.skill("y");
    int base = tiny.skill("base");
    int b = tiny.credential("b", 10, 5, IntSet.empty(), base);
    tiny.credential("a", 10, 5, IntSet.of(b), x);
    int e = tiny.credential("e", 10, 5, IntSet.empty(), base);
    int d = tiny.credential("d", 10, 5, IntSet.of(e), base);
    tiny.credential("c", 10, 5, IntSet.of(d), y);
    CatalogSnapshot s = tiny.snapshot();
    RecommendationList list = Recommender.builder().diversity(0).build().recommend(s, request(Learner.empty(),
        new Goal.CompetencyGoal(List.of("x", "y")), Constraints.none(), 5));
    assertEquals(List.of("a"), list.items().stream().map(r -> s.credential(r.credential()).id()).toList());
    Explanation why = list.items().getFirst().explanation();
    assertTrue(why.oneStepAway());
    assertEquals(IntSet.of(b), why.missingPrerequisites());
    assertEquals(20.0, why.totalCost());
    assertEquals(1, list.excluded().get("prerequisites more than one step away"));
  }

  @Test
  void theCostOfAMissingPrerequisiteCountsAgainstTheBudget() {
    TinyCatalog tiny = new TinyCatalog();
    int x = tiny.skill("x");
    int base = tiny.skill("base");
    int b = tiny.credential("b", 80, 5, IntSet.empty(), base);
    tiny.credential("a", 30, 5, IntSet.of(b), x);
    CatalogSnapshot s = tiny.snapshot();
    Constraints budget = new Constraints(100, Double.POSITIVE_INFINITY, Set.of(), false, 8);
    RecommendationList list = RECOMMENDER.recommend(s, request(Learner.empty(),
        new Goal.CompetencyGoal(List.of("x")), budget, 5));
    assertTrue(list.items().isEmpty(), "a (30) plus its prerequisite b (80) is over 100");
    assertEquals(1, list.excluded().get("over maxCost"));
  }

  @Test
  void anUnknownWorkloadIsNotZeroHoursUnderAFiniteMaxHours() {
    TinyCatalog tiny = new TinyCatalog();
    int x = tiny.skill("x");
    int base = tiny.skill("base");
    tiny.credential("known", 10, 5, IntSet.empty(), x);
    tiny.credential("vague", 10, 0, Set.of(Credential.Fact.WORKLOAD), IntSet.empty(), x);
    int pre = tiny.credential("vague-pre", 10, 0, Set.of(Credential.Fact.WORKLOAD), IntSet.empty(), base);
    tiny.credential("after-vague", 10, 5, IntSet.of(pre), x);
    CatalogSnapshot s = tiny.snapshot();
    Goal goal = new Goal.CompetencyGoal(List.of("x"));
    Recommender plain = Recommender.builder().diversity(0).build();

    RecommendationList limited = plain.recommend(s, request(Learner.empty(), goal,
        new Constraints(Double.POSITIVE_INFINITY, 40, Set.of(), false, 8), 5));
    assertEquals(List.of("known"), limited.items().stream().map(r -> s.credential(r.credential()).id()).toList(),
        "0 hours read from a missing workload must not pass maxHours 40");
    assertEquals(1, limited.excluded().get("workload unknown"));
    assertEquals(1, limited.excluded().get("prerequisite workload unknown"));

    RecommendationList none = plain.recommend(s, request(Learner.empty(), goal,
        new Constraints(Double.POSITIVE_INFINITY, 0, Set.of(), false, 8), 5));
    assertTrue(none.items().isEmpty());
    String reason = none.reason().orElseThrow();
    assertTrue(reason.contains("have no known workload (workload unknown), so cannot be shown to fit maxHours 0"),
        reason);

    RecommendationList unlimited = plain.recommend(s, request(Learner.empty(), goal, Constraints.none(), 5));
    java.util.Map<String, List<String>> unknown = new java.util.TreeMap<>();
    unlimited.items().forEach(r -> unknown.put(s.credential(r.credential()).id(), r.explanation().unknown()));
    assertEquals(java.util.Map.of("known", List.of(), "vague", List.of("workload"), "after-vague",
        List.of("workload")), unknown, "without a limit each is suggested, and the explanation says what is unknown");
  }

  @Test
  void anUnknownPriceIsNotFreeUnderAFiniteMaxCost() {
    TinyCatalog tiny = new TinyCatalog();
    int x = tiny.skill("x");
    tiny.credential("priced", 10, 5, IntSet.empty(), x);
    tiny.credential("unpriced", 0, 5, Set.of(Credential.Fact.COST), IntSet.empty(), x);
    CatalogSnapshot s = tiny.snapshot();
    RecommendationList list = Recommender.builder().diversity(0).build().recommend(s, request(Learner.empty(),
        new Goal.CompetencyGoal(List.of("x")), new Constraints(100, Double.POSITIVE_INFINITY, Set.of(), false, 8), 5));
    assertEquals(List.of("priced"), list.items().stream().map(r -> s.credential(r.credential()).id()).toList());
    assertEquals(1, list.excluded().get("cost unknown"));
  }

  @Test
  void diversityKeepsNearDuplicatesFromCrowdingTheTop() {
    TinyCatalog tiny = new TinyCatalog();
    int x = tiny.skill("x");
    int y = tiny.skill("y");
    int z = tiny.skill("z");
    tiny.credential("a", 0, 10, IntSet.empty(), x, y);
    tiny.credential("a-twin", 0, 11, IntSet.empty(), x, y);
    tiny.credential("other", 0, 10, IntSet.empty(), z);
    CatalogSnapshot s = tiny.snapshot();
    RecommendationRequest r = request(Learner.empty(), new Goal.CompetencyGoal(List.of("x", "y", "z")),
        Constraints.none(), 2);
    List<String> plain = Recommender.builder().diversity(0).build().recommend(s, r).items().stream()
        .map(i -> s.credential(i.credential()).id()).toList();
    List<String> diverse = Recommender.builder().diversity(0.6).build().recommend(s, r).items().stream()
        .map(i -> s.credential(i.credential()).id()).toList();
    assertEquals(List.of("a", "a-twin"), plain);
    assertEquals(List.of("a", "other"), diverse);
  }

  @Test
  void builderAndWeightsRefuseNonsenseWhenSet() {
    assertThrows(IllegalArgumentException.class, () -> Recommender.builder().diversity(1.5));
    assertThrows(IllegalArgumentException.class, () -> Recommender.builder().diversity(-0.1));
    assertThrows(IllegalArgumentException.class, () -> new TransparentScorer.Weights(-1, 1, 1, 1, 1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new TransparentScorer.Weights(1, 1, 1, 1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new RecommendationRequest(Learner.empty(),
        new Goal.OccupationGoal("x"), Constraints.none(), 0));
    assertThrows(IllegalArgumentException.class, () -> new RecommendationRequest(Learner.empty(),
        new Goal.OccupationGoal("x"), Constraints.none(), RecommendationRequest.MAX_K + 1));
  }

  @Test
  void aPathwayGoalSuggestsCredentialsThatAdvanceItsOpenRequirements() {
    CatalogSnapshot s = SampleCatalog.snapshot();
    RecommendationList list = RECOMMENDER.recommend(s, request(Learner.empty(),
        new Goal.PathwayGoal("data-analytics"), Constraints.none(), 5));
    assertFalse(list.items().isEmpty());
    assertTrue(list.items().stream().anyMatch(r -> !r.explanation().advances().isEmpty()),
        "no suggestion advances a requirement of the pathway");
  }

  @Test
  void anOccupationGoalPrefersCredentialsCoveringEssentialSkills() {
    CatalogSnapshot s = SampleCatalog.snapshot();
    var occupation = s.occupations().stream().filter(o -> o.label().equals("data analyst")).findFirst().orElseThrow();
    RecommendationList list = RECOMMENDER.recommend(s, request(Learner.empty(),
        new Goal.OccupationGoal(occupation.id()), Constraints.none(), 3));
    assertEquals(3, list.items().size());
    Recommendation top = list.items().getFirst();
    assertTrue(top.explanation().covers().stream().anyMatch(t -> t.reason().equals("essential")));
    assertTrue(top.explanation().covers().stream().allMatch(t ->
        occupation.essential().contains(t.competency()) || occupation.optional().contains(t.competency())));
  }
}
