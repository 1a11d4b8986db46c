package io.cairn.labor.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.labor.FixtureModel;
import io.cairn.labor.features.Feature;
import io.cairn.labor.features.FeatureExtractor;
import io.cairn.labor.features.FeatureMatrix;
import io.cairn.labor.features.Holdout;
import io.cairn.rank.SampleCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An XGBoost model's flat trees predict what Tribuo predicts (to float32 rounding) and rank alike: on seeded
 * random rows, on rows at every threshold, and on the real candidate pools of the sample catalog.
 */
class TreeScoringTest {

  static LongStream seeds() {
    return LongStream.range(1, 13);
  }

  private static LearnedScorer scorer() {
    LearnedScorer scorer = FixtureModel.model().scorer();
    assertTrue(scorer.scoresByTrees(), "the fixture's XGBoost model should score by its trees");
    return scorer;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomRowsScoreAsTribuo(long seed) {
    Random random = new Random(seed);
    int rows = 300;
    float[] values = new float[rows * Feature.COUNT];
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (random.nextInt(4)) {
        case 0 -> 0f;
        case 1 -> random.nextBoolean() ? 1f : 0f;
        default -> (float) (random.nextDouble() * 4 - 1);
      };
    }
    assertSameAsTribuo(scorer(), new FeatureMatrix(IntStream.range(0, rows).toArray(), values), seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rowsWithMissingValuesTakeEachSplitsDefaultBranchAsTribuo(long seed) {
    LearnedScorer scorer = scorer();
    FeatureMatrix probes = TreeProbes.around(TreeEnsemble.of(scorer.model()), 300, seed);
    Random random = new Random(seed);
    float[] values = probes.values();
    for (int i = 0; i < values.length; i++) {
      if (random.nextInt(6) == 0) {
        values[i] = Float.NaN;
      }
    }
    assertSameAsTribuo(scorer, probes, seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rowsOnEveryThresholdScoreAsTribuo(long seed) {
    LearnedScorer scorer = scorer();
    assertSameAsTribuo(scorer, TreeProbes.around(TreeEnsemble.of(scorer.model()), 300, seed), seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void candidatePoolsOfTheSampleCatalogScoreAndRankAsTribuo(long seed) {
    CatalogSnapshot snapshot = SampleCatalog.snapshot();
    NextSkillRanker ranker = FixtureModel.model().bind(snapshot);
    FeatureExtractor everyFeature = ranker.everyFeature();
    Random random = new Random(seed);
    int skills = snapshot.competencies().size();
    for (int learner = 0; learner < 20; learner++) {
      List<Integer> held = new ArrayList<>();
      for (int h = random.nextInt(12); h > 0; h--) {
        held.add(random.nextInt(skills));
      }
      String field = random.nextBoolean() || snapshot.occupations().isEmpty() ? ""
          : NextSkillRanker.minorGroup(snapshot.occupation(random.nextInt(snapshot.occupations().size())));
      FeatureMatrix every = everyFeature.extract(IntSet.of(held), field, Holdout.NONE, IntSet.empty());
      FeatureMatrix read = ranker.extractor().extract(IntSet.of(held), field, Holdout.NONE, IntSet.empty());
      assertSameAsTribuo(scorer(), every, seed);
      // serving extracts only the features the trees read: the same pool, the same predictions
      assertArrayEquals(every.candidates(), read.candidates(), "seed " + seed);
      assertArrayEquals(scorer().score(every), scorer().score(read), "seed " + seed);
    }
  }

  private static void assertSameAsTribuo(LearnedScorer scorer, FeatureMatrix rows, long seed) {
    double[] tribuo = scorer.tribuoScore(rows);
    double[] fast = scorer.score(rows);
    for (int i = 0; i < tribuo.length; i++) {
      assertTrue(LearnedScorer.withinTolerance(tribuo[i], fast[i]),
          "seed " + seed + ", row " + i + ": Tribuo " + tribuo[i] + ", trees " + fast[i]);
    }
    assertArrayEquals(order(tribuo, rows), order(fast, rows), "seed " + seed + ": the rankings differ");
  }

  /** The rows best first, ties by candidate: how the next-skill ranking orders them. */
  private static int[] order(double[] scores, FeatureMatrix rows) {
    return IntStream.range(0, scores.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(r -> -scores[r]).thenComparingInt(rows::candidate))
        .mapToInt(Integer::intValue).toArray();
  }
}
