package io.cairn.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.audit.Auditor;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.learner.ResolvedLearner;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inverted-index coverage pass and the reused scratch behind it, against the plain definition, over seeded
 * random requests on the sample. Every failure message starts with the seed.
 */
class GoalCoverageProperties {
  static LongStream seeds() {
    return LongStream.range(0, 100).map(i -> 0xC0FE0000L + i * 104729);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void coverageIsWhatEachCredentialTeachesOfTheUnmetTargets(long seed) {
    CatalogSnapshot s = SampleCatalog.snapshot();
    GoalCoverage reused = new GoalCoverage();
    // the same scratch serves several goals in a row, as it does across requests
    Random random = new Random(seed);
    for (int round = 0; round < 3; round++) {
      RecommendationRequest request = RandomRequests.draw(s, random);
      ResolvedLearner learner = ResolvedLearner.resolve(s, request.learner());
      GoalTargets goal = new TargetResolver(Auditor.standard()).resolve(s, request.goal(), learner);
      reused.fill(s, goal);
      int touched = 0;
      for (Credential c : s.credentials()) {
        // what a credential covers: what it teaches and the broader concepts of that (a skill group)
        IntSet covered = c.teaches();
        for (int i = 0; i < c.teaches().size(); i++) {
          covered = covered.union(s.ancestors(c.teaches().get(i)));
        }
        int count = covered.intersectionSize(goal.unmet());
        String at = "seed=" + seed + " round=" + round + " credential=" + c.id();
        assertEquals(count, reused.count(c.index()), at + ": count");
        assertEquals(goal.weights().sum(covered), reused.weight(c.index()), 1e-9, at + ": weight");
        assertEquals(c.teaches().isEmpty() ? 0 : Math.min(1.0, (double) count / c.teaches().size()), reused.share(c.index()),
            1e-12, at + ": share");
        touched += count > 0 ? 1 : 0;
      }
      assertEquals(touched, reused.touchedCount(), "seed=" + seed + " round=" + round + ": touched");
      reused.reset();
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aRecommenderThatServedOthersAnswersLikeAFreshOne(long seed) {
    CatalogSnapshot s = SampleCatalog.snapshot();
    Random random = new Random(seed);
    Recommender busy = Recommender.builder().build();
    for (int i = 0; i < 5; i++) {
      busy.recommend(s, RandomRequests.draw(s, random));
    }
    RecommendationRequest request = RandomRequests.draw(s, random);
    RecommendationList fresh = Recommender.builder().build().recommend(s, request);
    RecommendationList again = busy.recommend(s, request);
    assertEquals(summary(fresh), summary(again), "seed=" + seed);
    assertEquals(fresh.excluded(), again.excluded(), "seed=" + seed + ": exclusions");
    assertEquals(fresh.reason(), again.reason(), "seed=" + seed + ": reason");
  }

  private static List<String> summary(RecommendationList list) {
    return list.items().stream().map(r -> r.credential() + "@" + r.score() + " " + r.explanation()).toList();
  }
}
