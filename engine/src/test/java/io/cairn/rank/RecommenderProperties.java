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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the recommender over seeded random learners, goals and constraints drawn from the sample.
 * Every failure message starts with the seed: rerun {@code draw(seed)} to reproduce it.
 */
class RecommenderProperties {
  private static final Recommender RECOMMENDER = Recommender.builder().build();

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0x5EED0000L + i * 7919);
  }

  private static Supplier<String> at(long seed, String what) {
    return () -> "seed=" + seed + ": " + what;
  }

  private record Run(long seed, CatalogSnapshot s, RecommendationRequest request, ResolvedLearner learner,
      RecommendationList list) {}

  private static Run run(long seed) {
    CatalogSnapshot s = SampleCatalog.snapshot();
    RecommendationRequest request = RandomRequests.draw(s, new Random(seed));
    return new Run(seed, s, request, ResolvedLearner.resolve(s, request.learner()), RECOMMENDER.recommend(s, request));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void neverSuggestsWhatIsHeld(long seed) {
    Run r = run(seed);
    for (Recommendation rec : r.list().items()) {
      assertFalse(r.learner().credentials().contains(rec.credential()),
          at(seed, "suggested held credential " + r.s().credential(rec.credential()).id()));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void neverBreaksAConstraint(long seed) {
    Run r = run(seed);
    var c = r.request().constraints();
    for (Recommendation rec : r.list().items()) {
      Credential credential = r.s().credential(rec.credential());
      String id = credential.id();
      assertTrue(c.allowsMode(credential.mode()), at(seed, id + " mode " + credential.mode()));
      assertTrue(!c.creditBearingOnly() || credential.creditBearing(), at(seed, id + " not credit-bearing"));
      assertTrue(credential.eqfLevel() <= c.maxEqfLevel(), at(seed, id + " EQF " + credential.eqfLevel()));
      assertTrue(rec.explanation().totalCost() <= c.maxCost() + 1e-9, at(seed, id + " cost " + rec.explanation().totalCost()));
      assertTrue(rec.explanation().totalHours() <= c.maxHours() + 1e-9, at(seed, id + " hours " + rec.explanation().totalHours()));
      assertTrue(credential.cost() <= rec.explanation().totalCost() + 1e-9, at(seed, id + " total below own cost"));
      for (int i = 0; i < rec.explanation().missingPrerequisites().size(); i++) {
        Credential pre = r.s().credential(rec.explanation().missingPrerequisites().get(i));
        assertTrue(c.allowsMode(pre.mode()), at(seed, id + " prerequisite " + pre.id() + " mode"));
        assertFalse(r.learner().credentials().contains(pre.index()), at(seed, id + " 'missing' prerequisite is held"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sortedByScoreWithDenseRanksAndAtMostK(long seed) {
    Run r = run(seed);
    List<Recommendation> items = r.list().items();
    assertTrue(items.size() <= r.request().k(), at(seed, "more than k"));
    for (int i = 0; i < items.size(); i++) {
      assertEquals(i + 1, items.get(i).rank(), at(seed, "rank"));
      if (i > 0) {
        assertTrue(items.get(i - 1).score() >= items.get(i).score(), at(seed, "not sorted at " + i));
      }
    }
    Set<Integer> distinct = new HashSet<>();
    items.forEach(i -> assertTrue(distinct.add(i.credential()), at(seed, "suggested twice")));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void explanationsNameOnlyRealTargets(long seed) {
    Run r = run(seed);
    IntSet goalCompetencies = goalCompetencies(r);
    Set<String> requirementIds = new HashSet<>();
    r.list().goal().audit().ifPresent(a -> a.openLeaves().forEach(l -> {
      requirementIds.add(l.requirementId());
      requirementIds.add(l.leafId());
    }));
    for (Recommendation rec : r.list().items()) {
      Credential credential = r.s().credential(rec.credential());
      assertFalse(rec.explanation().covers().isEmpty() && rec.explanation().advances().isEmpty(),
          at(seed, credential.id() + " explains nothing"));
      for (Target t : rec.explanation().covers()) {
        String label = r.s().competency(t.competency()).label();
        assertTrue(goalCompetencies.contains(t.competency()), at(seed, label + " is not a goal target"));
        assertTrue(credential.teaches().contains(t.competency()), at(seed, credential.id() + " does not teach " + label));
        assertFalse(r.learner().competencies().contains(t.competency()), at(seed, label + " is already held"));
        assertTrue(t.weight() > 0, at(seed, "non-positive weight"));
      }
      for (RequirementStep step : rec.explanation().advances()) {
        assertTrue(requirementIds.contains(step.requirementId()) && requirementIds.contains(step.leafId()),
            at(seed, "step names unknown requirement " + step.requirementId() + "/" + step.leafId()));
      }
      for (int w : rec.explanation().stacksInto()) {
        assertTrue(r.s().stacksIntoClosure(credential.index()).contains(w), at(seed, "bogus stacksInto"));
      }
      rec.explanation().unlocks().stream().forEach(u ->
          assertTrue(r.s().credential(u).requiredCredentials().contains(credential.index()), at(seed, "bogus unlocks")));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aShortListAlwaysSaysWhy(long seed) {
    Run r = run(seed);
    if (r.list().items().size() < r.request().k()) {
      assertTrue(r.list().reason().isPresent() && !r.list().reason().get().isBlank(), at(seed, "no reason"));
    } else {
      assertTrue(r.list().reason().isEmpty(), at(seed, "a full list has a reason: " + r.list().reason()));
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
