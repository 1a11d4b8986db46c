package io.cairn.rank;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diversity re-ranker whatever the scores: non-finite ones (a price of INF once made a relevance of
 * -Infinity, and {@code select} then picked index -1 and answered 500) included. Seeded: a failure names its seed.
 */
class DiversityRerankerProperties {
  private static final double[] ODD = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, -0.0,
      Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE};

  static Stream<Long> seeds() {
    return LongStream.range(0, 300).map(i -> 0xD1CE0000L + i * 104729).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void picksMinOfKAndNDistinctCandidatesWhateverTheScores(long seed) {
    Random random = new Random(seed);
    CatalogSnapshot snapshot = randomCatalog(random, 6, 60);
    int n = snapshot.credentials().size();
    List<Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double relevance = random.nextInt(4) == 0 ? ODD[random.nextInt(ODD.length)] : random.nextGaussian() * 10;
      ranked.add(new Ranked(candidate(snapshot, i), relevance, relevance));
    }
    ranked.sort(Ranked::bestFirst);
    int k = 1 + random.nextInt(50);
    double diversity = random.nextDouble();
    List<Ranked> picked = assertDoesNotThrow(() -> new DiversityReranker(diversity).select(snapshot, ranked, k),
        "seed " + seed);
    assertEquals(Math.min(k, n), picked.size(), "seed " + seed);
    Set<Integer> credentials = new HashSet<>();
    picked.forEach(p -> credentials.add(p.candidate().credential()));
    assertEquals(picked.size(), credentials.size(), "seed " + seed + ": a candidate was picked twice");
    for (int i = 1; i < picked.size(); i++) {
      assertFalse(picked.get(i).score() > picked.get(i - 1).score(),
          "seed " + seed + ": the marginal score rose down the list");
      assertFalse(Double.isNaN(picked.get(i).score()), "seed " + seed + ": a NaN score was reported");
    }
  }

  /**
   * The re-ranker looks at a candidate only while it could still win a pick, and brings its similarities up to date
   * only then; its picks and their scores are those of plain greedy MMR, which compares every candidate with every
   * pick, to the bit: over pools best first and not, odd scores, and diversities below zero too.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void picksAsPlainGreedyMmrDoes(long seed) {
    Random random = new Random(seed);
    CatalogSnapshot snapshot = randomCatalog(random, 12, 80);
    int n = snapshot.credentials().size();
    List<Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double relevance = random.nextInt(8) == 0 ? ODD[random.nextInt(ODD.length)]
          : random.nextBoolean() ? random.nextInt(6) : random.nextGaussian() * 10;
      ranked.add(new Ranked(candidate(snapshot, i), relevance, relevance));
    }
    if (random.nextInt(4) != 0) {
      ranked.sort(Ranked::bestFirst);
    }
    int k = 1 + random.nextInt(50);
    double diversity = random.nextInt(6) == 0 ? -random.nextDouble() : random.nextDouble();
    List<Ranked> fast = new DiversityReranker(diversity).select(snapshot, ranked, k);
    List<Ranked> plain = plainMmr(snapshot, ranked, k, diversity);
    assertEquals(plain.size(), fast.size(), "seed " + seed + ": picks");
    for (int i = 0; i < plain.size(); i++) {
      assertEquals(plain.get(i).candidate().credential(), fast.get(i).candidate().credential(),
          "seed " + seed + ": pick " + i);
      assertEquals(Double.doubleToRawLongBits(plain.get(i).score()), Double.doubleToRawLongBits(fast.get(i).score()),
          "seed " + seed + ": score of pick " + i);
    }
  }

  /**
   * Greedy MMR spelled out: every pair's Jaccard similarity first, then at each pick the candidate whose relevance
   * less the penalty for its nearest pick is highest (the first of equals).
   */
  private static List<Ranked> plainMmr(CatalogSnapshot snapshot, List<Ranked> ranked, int k, double diversity) {
    int n = ranked.size();
    double[][] similarity = new double[n][n];
    for (int i = 0; i < n; i++) {
      IntSet a = snapshot.credential(ranked.get(i).candidate().credential()).teaches();
      for (int j = 0; j < n; j++) {
        IntSet b = snapshot.credential(ranked.get(j).candidate().credential()).teaches();
        int union = a.union(b).size();
        similarity[i][j] = union == 0 ? 0 : (double) a.intersect(b).size() / union;
      }
    }
    double scale = ranked.stream().mapToDouble(Ranked::relevance).filter(Double::isFinite)
        .map(r -> Math.max(Math.abs(r), 1e-9)).findFirst().orElse(1);
    List<Integer> picks = new ArrayList<>();
    List<Ranked> picked = new ArrayList<>();
    while (picked.size() < Math.min(k, n)) {
      int chosen = -1;
      double chosenScore = Double.NaN;
      for (int i = 0; i < n; i++) {
        if (picks.contains(i)) {
          continue;
        }
        double nearest = 0;
        for (int p : picks) {
          nearest = Math.max(nearest, similarity[i][p]);
        }
        double score = ranked.get(i).relevance() - diversity * (scale * nearest);
        if (Double.isNaN(score)) {
          score = Double.NEGATIVE_INFINITY;
        }
        if (chosen < 0 || score > chosenScore) {
          chosen = i;
          chosenScore = score;
        }
      }
      picks.add(chosen);
      picked.add(new Ranked(ranked.get(chosen).candidate(), ranked.get(chosen).relevance(), chosenScore));
    }
    return picked;
  }

  /** A catalog of up to {@code maxSkills} skills and {@code maxCredentials} credentials teaching a third of them. */
  private static CatalogSnapshot randomCatalog(Random random, int maxSkills, int maxCredentials) {
    TinyCatalog tiny = new TinyCatalog();
    int skills = 1 + random.nextInt(maxSkills);
    for (int i = 0; i < skills; i++) {
      tiny.skill("s" + i);
    }
    int n = random.nextInt(maxCredentials);
    for (int i = 0; i < n; i++) {
      List<Integer> teaches = new ArrayList<>();
      for (int s = 0; s < skills; s++) {
        if (random.nextInt(3) == 0) {
          teaches.add(s);
        }
      }
      tiny.credential("c" + i, 0, 1, IntSet.empty(), teaches.stream().mapToInt(Integer::intValue).toArray());
    }
    return tiny.snapshot();
  }

  @Test
  void fiftySuggestionsTowardSkillsWithAnInfinitePriceInThePool() {
    // the request: k 50, a competencies goal, and a credential priced "INF"^^xsd:double
    TinyCatalog tiny = new TinyCatalog();
    List<String> goal = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tiny.skill("g" + i);
      goal.add("g" + i);
    }
    for (int i = 0; i < 12; i++) {
      tiny.credential("c" + i, 10 * i, 5, IntSet.empty(), i % 8, (i + 3) % 8);
    }
    tiny.credential("priceless", Double.POSITIVE_INFINITY, 5, IntSet.empty(), 0, 1, 2);
    CatalogSnapshot s = tiny.snapshot();
    RecommendationList list = assertDoesNotThrow(() -> Recommender.builder().build().recommend(s,
        new RecommendationRequest(Learner.empty(), new Goal.CompetencyGoal(goal),
            Constraints.none(), 50)));
    assertEquals(13, list.items().size());
    assertTrue(list.items().stream().noneMatch(r -> Double.isNaN(r.score())));
  }

  private static Candidate candidate(CatalogSnapshot snapshot, int credential) {
    return new Candidate(credential, snapshot, IntSet.empty(), 0, 0, List.of(), IntSet.empty(), IntSet.empty(), 0, 0);
  }
}
