package io.cairn.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cairn.audit.Auditor;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.labor.FixtureModel;
import io.cairn.labor.model.ModelSkillValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The recommender scores candidates from their terms, builds objects only for those that make the pool, and skips
 * those whose upper bound cannot enter it: over seeded requests on the sample, with the transparent and the learned
 * scorer, with pools as small as one (so the bound decides often) and with the default re-ranker, every answer is
 * the one the plain path gives, which builds a {@link Candidate} for every eligible credential and scores it
 * through {@link Scorer#score}. Every failure message starts with the seed.
 */
class TermScoringProperties {
  private static SkillValueScorer learned;

  static Stream<Arguments> seeds() {
    return LongStream.range(0, 150).map(i -> 0x7E57L + i * 104729).mapToObj(Arguments::of);
  }

  private static synchronized Scorer learned() {
    if (learned == null) {
      learned = new SkillValueScorer(new ModelSkillValues(FixtureModel.model()), TransparentScorer.Weights.defaults());
    }
    return learned;
  }

  private static Recommender recommender(Scorer scorer, Reranker reranker) {
    return new ScoringRecommender(scorer, new TargetResolver(Auditor.standard()), new CandidateGenerator(), reranker);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void termScoringAnswersAsObjectScoringDoes(long seed) {
    CatalogSnapshot s = SampleCatalog.snapshot();
    RecommendationRequest request = RandomRequests.draw(s, new Random(seed));
    for (Scorer scorer : List.of(new TransparentScorer(), learned())) {
      for (Reranker reranker : List.of(Reranker.none(), new DiversityReranker(0.3))) {
        RecommendationList fast = recommender(scorer, reranker).recommend(s, request);
        RecommendationList plain = recommender(new ObjectsOnly(scorer), reranker).recommend(s, request);
        String at = "seed=" + seed + " scorer=" + scorer.name() + " k=" + request.k() + ": ";
        assertEquals(plain.items(), fast.items(), at + "items");
        assertEquals(plain.candidates(), fast.candidates(), at + "candidates");
        assertEquals(new TreeMap<>(plain.excluded()), new TreeMap<>(fast.excluded()), at + "exclusions");
        assertEquals(plain.reason(), fast.reason(), at + "reason");
      }
    }
  }

  /** The pool keeps the best by {@link Ranked#bestFirst}, whatever the arrival order, ties, NaN and infinities. */
  @ParameterizedTest
  @MethodSource("seeds")
  void poolKeepsTheBestInRankedOrder(long seed) {
    Random random = new Random(seed);
    int n = random.nextInt(200);
    int capacity = 1 + random.nextInt(40);
    double[] palette = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0, 0.0, 1.5, -2};
    List<double[]> offered = new ArrayList<>();
    ScorePool pool = new ScorePool(capacity);
    List<Integer> credentials = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      credentials.add(c);
    }
    java.util.Collections.shuffle(credentials, random);
    for (int i = 0; i < n; i++) {
      double score = random.nextInt(4) == 0 ? palette[random.nextInt(palette.length)] : random.nextInt(10) / 2.0;
      int c = credentials.get(i);
      offered.add(new double[] {c, score, i});
      boolean admits = pool.admits(score, c);
      int before = pool.size();
      pool.offer(i, c, score);
      assertFalse(!admits && pool.size() != before, "seed=" + seed + ": refused, yet the pool grew");
    }
    offered.sort((a, b) -> {
      int byScore = Double.compare(b[1], a[1]);
      return byScore != 0 ? byScore : Double.compare(a[0], b[0]);
    });
    pool.sortBestFirst();
    assertEquals(Math.min(n, capacity), pool.size(), "seed=" + seed + ": pool size");
    for (int i = 0; i < pool.size(); i++) {
      assertEquals((int) offered.get(i)[2], pool.position(i), "seed=" + seed + ": position " + i);
      assertEquals(Double.doubleToRawLongBits(offered.get(i)[1]), Double.doubleToRawLongBits(pool.score(i)),
          "seed=" + seed + ": score " + i);
    }
  }
}
