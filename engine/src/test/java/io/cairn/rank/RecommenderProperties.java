package io.cairn.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.audit.AuditResult;
import io.cairn.audit.OpenLeaf;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.learner.Goal;
import io.cairn.learner.ResolvedLearner;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import io.cairn.labor.FixtureModel;
import io.cairn.labor.model.ModelSkillValues;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the recommender over seeded random learners, goals and constraints drawn from the sample, with
 * each scorer: the transparent one and the learned one (a real skill-value model trained on the labor fixture,
 * which also answers goal-free questions). Every failure message starts with the scorer and the seed: rerun
 * {@code run(scorer, seed)} to reproduce it.
 */
class RecommenderProperties {
  private static final Recommender TRANSPARENT = Recommender.builder().build();
  private static Recommender learned;

  private static synchronized Recommender recommender(String scorer) {
    if (scorer.equals("transparent")) {
      return TRANSPARENT;
    }
    if (learned == null) {
      learned = Recommender.builder().skillValues(new ModelSkillValues(FixtureModel.model())).build();
    }
    return learned;
  }

  static Stream<Arguments> seeds() {
    return Stream.of("transparent", "learned").flatMap(scorer ->
        LongStream.range(0, 200).map(i -> 0x5EED0000L + i * 7919).mapToObj(seed -> Arguments.of(scorer, seed)));
  }

  private static Supplier<String> at(Run r, String what) {
    return () -> r.scorer() + " seed=" + r.seed() + ": " + what;
  }

  private record Run(String scorer, long seed, CatalogSnapshot s, RecommendationRequest request,
      ResolvedLearner learner, RecommendationList list) {}

  private static Run run(String scorer, long seed) {
    CatalogSnapshot s = SampleCatalog.snapshot();
    Random random = new Random(seed);
    RecommendationRequest request = RandomRequests.draw(s, random);
    if (scorer.equals("learned") && random.nextInt(4) == 0) {
      // goal-free: only the model can answer it
      Goal free = new Goal.FieldGoal(random.nextBoolean() ? "" : FIELDS[random.nextInt(FIELDS.length)]);
      request = new RecommendationRequest(request.learner(), free, request.constraints(), request.k());
    }
    return new Run(scorer, seed, s, request, ResolvedLearner.resolve(s, request.learner()),
        recommender(scorer).recommend(s, request));
  }

  private static final String[] FIELDS = {"251", "252", "122", "999"};

  @ParameterizedTest
  @MethodSource("seeds")
  void neverSuggestsWhatIsHeld(String scorer, long seed) {
    Run r = run(scorer, seed);
    for (Recommendation rec : r.list().items()) {
      assertFalse(r.learner().credentials().contains(rec.credential()),
          at(r, "suggested held credential " + r.s().credential(rec.credential()).id()));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void neverBreaksAConstraint(String scorer, long seed) {
    Run r = run(scorer, seed);
    var c = r.request().constraints();
    for (Recommendation rec : r.list().items()) {
      Credential credential = r.s().credential(rec.credential());
      String id = credential.id();
      assertTrue(c.allowsMode(credential.mode()), at(r, id + " mode " + credential.mode()));
      assertTrue(!c.creditBearingOnly() || credential.creditBearing(), at(r, id + " not credit-bearing"));
      assertTrue(credential.eqfLevel() <= c.maxEqfLevel(), at(r, id + " EQF " + credential.eqfLevel()));
      assertTrue(rec.explanation().totalCost() <= c.maxCost() + 1e-9, at(r, id + " cost " + rec.explanation().totalCost()));
      assertTrue(rec.explanation().totalHours() <= c.maxHours() + 1e-9, at(r, id + " hours " + rec.explanation().totalHours()));
      assertTrue(credential.cost() <= rec.explanation().totalCost() + 1e-9, at(r, id + " total below own cost"));
      for (int i = 0; i < rec.explanation().missingPrerequisites().size(); i++) {
        Credential pre = r.s().credential(rec.explanation().missingPrerequisites().get(i));
        assertTrue(c.allowsMode(pre.mode()), at(r, id + " prerequisite " + pre.id() + " mode"));
        assertFalse(r.learner().credentials().contains(pre.index()), at(r, id + " 'missing' prerequisite is held"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sortedByScoreWithDenseRanksAndAtMostK(String scorer, long seed) {
    Run r = run(scorer, seed);
    List<Recommendation> items = r.list().items();
    assertTrue(items.size() <= r.request().k(), at(r, "more than k"));
    for (int i = 0; i < items.size(); i++) {
      assertEquals(i + 1, items.get(i).rank(), at(r, "rank"));
      if (i > 0) {
        assertTrue(items.get(i - 1).score() >= items.get(i).score(), at(r, "not sorted at " + i));
      }
    }
    Set<Integer> distinct = new HashSet<>();
    items.forEach(i -> assertTrue(distinct.add(i.credential()), at(r, "suggested twice")));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void explanationsNameOnlyRealTargets(String scorer, long seed) {
    Run r = run(scorer, seed);
    IntSet goalCompetencies = goalCompetencies(r);
    Set<String> requirementIds = new HashSet<>();
    r.list().goal().audit().ifPresent(a -> a.openLeaves().forEach(l -> {
      requirementIds.add(l.requirementId());
      requirementIds.add(l.leafId());
    }));
    for (Recommendation rec : r.list().items()) {
      Credential credential = r.s().credential(rec.credential());
      assertFalse(rec.explanation().covers().isEmpty() && rec.explanation().advances().isEmpty(),
          at(r, credential.id() + " explains nothing"));
      for (Target t : rec.explanation().covers()) {
        String label = r.s().competency(t.competency()).label();
        assertTrue(goalCompetencies.contains(t.competency()), at(r, label + " is not a goal target"));
        assertTrue(credential.teaches().contains(t.competency()) || credential.teaches().stream()
            .anyMatch(k -> r.s().ancestors(k).contains(t.competency())),
            at(r, credential.id() + " teaches neither " + label + " nor a narrower concept"));
        assertFalse(r.learner().competencies().contains(t.competency()), at(r, label + " is already held"));
        assertTrue(t.weight() > 0, at(r, "non-positive weight"));
      }
      for (RequirementStep step : rec.explanation().advances()) {
        assertTrue(requirementIds.contains(step.requirementId()) && requirementIds.contains(step.leafId()),
            at(r, "step names unknown requirement " + step.requirementId() + "/" + step.leafId()));
      }
      for (int w : rec.explanation().stacksInto()) {
        assertTrue(r.s().stacksIntoClosure(credential.index()).contains(w), at(r, "bogus stacksInto"));
      }
      rec.explanation().unlocks().stream().forEach(u ->
          assertTrue(r.s().credential(u).requiredCredentials().contains(credential.index()), at(r, "bogus unlocks")));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void countedSkillsAreTaughtNotHeldGoalFirstAndOnlyWithTheLearnedScorer(String scorer, long seed) {
    Run r = run(scorer, seed);
    for (Recommendation rec : r.list().items()) {
      List<CountedSkill> counted = rec.explanation().counted();
      Credential credential = r.s().credential(rec.credential());
      if (scorer.equals("transparent")) {
        assertTrue(counted.isEmpty(), at(r, "the transparent scorer counted skills"));
        continue;
      }
      assertFalse(counted.isEmpty(), at(r, credential.id() + " counts no skill"));
      boolean adjacentSeen = false;
      for (CountedSkill c : counted) {
        String label = r.s().competency(c.competency()).label();
        assertTrue(credential.teaches().contains(c.competency()) || credential.teaches().stream()
            .anyMatch(k -> r.s().ancestors(k).contains(c.competency())),
            at(r, credential.id() + " teaches neither " + label + " nor a narrower concept"));
        assertFalse(r.learner().competencies().contains(c.competency()), at(r, label + " is already held"));
        assertTrue(c.credit() > 0, at(r, label + " counted for nothing"));
        assertTrue(c.jobOffers() >= 0 && c.occupations() >= 0, at(r, label + " negative evidence"));
        c.goesWith().forEach(h -> assertTrue(r.learner().competencies().contains(h), at(r, "goes with a skill not held")));
        adjacentSeen |= c.relation().equals("adjacent");
        assertFalse(adjacentSeen && !c.relation().equals("adjacent"), at(r, "a goal skill after an adjacent one"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aShortListAlwaysSaysWhy(String scorer, long seed) {
    Run r = run(scorer, seed);
    if (r.list().items().size() < r.request().k()) {
      assertTrue(r.list().reason().isPresent() && !r.list().reason().get().isBlank(), at(r, "no reason"));
    } else {
      assertTrue(r.list().reason().isEmpty(), at(r, "a full list has a reason: " + r.list().reason()));
    }
  }

  private static IntSet goalCompetencies(Run r) {
    CatalogSnapshot s = r.s();
    return switch (r.request().goal()) {
      case Goal.OccupationGoal g -> {
        Occupation o = s.findOccupation(g.id()).orElseThrow();
        yield o.essential().union(o.optional());
      }
      case Goal.CompetencyGoal g -> IntSet.of(g.ids().stream().map(id -> s.findCompetency(id).orElseThrow().index()).toList());
      case Goal.FieldGoal g -> IntSet.of(List.copyOf(r.list().goal().targets().keySet()));
      case Goal.PathwayGoal g -> {
        AuditResult audit = r.list().goal().audit().orElseThrow();
        IntSet all = IntSet.empty();
        for (OpenLeaf leaf : audit.openLeaves()) {
          all = all.union(leaf.credentialLeaf() ? s.credential(leaf.target()).teaches() : IntSet.of(leaf.target()));
        }
        yield all;
      }
    };
  }
}
