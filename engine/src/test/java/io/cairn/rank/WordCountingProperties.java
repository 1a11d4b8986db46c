package io.cairn.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.audit.Auditor;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialKind;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.catalog.StackLink;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With the transparent scorer and a goal without open requirements, the credentials without prerequisites are
 * counted against the constraints 64 at a time from the snapshot's bit sets, and bounded from two floats each
 * ({@link StaticBounds}) before their facts are read. Over seeded catalogs of hundreds to thousands of credentials
 * (many words; costs and hours with point masses, NaN, infinities and unknown values; limits drawn at, just below
 * and just above a credential's own value, so the bounds' boundaries are hit), every answer (items, counts,
 * exclusions, the short-list reason) is the one the plain path gives, which considers every credential one by one
 * and builds a candidate object for each; and so is the answer of the same request split in two halves of the
 * catalog ({@link RequestHalves}), whatever the size. Every failure message starts with the seed.
 */
class WordCountingProperties {
  private static final double[] PRICES = {0, 0, 50, 200, 200, 500, 1000, -0.0, Double.NaN, Double.POSITIVE_INFINITY};
  private static final double[] HOURS = {0, 10, 40, 40, 120, 300, Double.NaN, Double.POSITIVE_INFINITY};

  static Stream<Arguments> seeds() {
    return LongStream.range(0, 120).map(i -> 0xB175L + i * 7919).mapToObj(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void countingByWordsAnswersAsConsideringOneByOneDoes(long seed) {
    Random random = new Random(seed);
    CatalogSnapshot s = catalog(random);
    List<Scorer> scorers = List.of(new TransparentScorer(),
        new TransparentScorer(new TransparentScorer.Weights(2.0, 1.5, 3.0, 0.0, 1.0, 0.5)),
        new TransparentScorer(new TransparentScorer.Weights(0.0, 0.0, 0.0, 4.0, 0.0, 1.0)));
    int plainRequests = 0;
    // one split recommender per scorer and re-ranker, reused by every request: its scratch, cleared in halves after
    // each, must be clear for the next
    java.util.Map<String, Recommender> split = new java.util.HashMap<>();
    for (int q = 0; q < 6; q++) {
      RecommendationRequest request = request(s, random);
      for (Scorer scorer : scorers) {
        for (Reranker reranker : List.of(Reranker.none(), new DiversityReranker(0.3))) {
          RecommendationList fast = recommender(scorer, reranker).recommend(s, request);
          RecommendationList plain = recommender(new ObjectsOnly(scorer), reranker).recommend(s, request);
          // the same request split in two halves of the catalog, the second on a helper thread
          RecommendationList halves = split.computeIfAbsent(scorers.indexOf(scorer) + "/" + reranker.getClass(),
              k -> new ScoringRecommender(scorer, new TargetResolver(Auditor.standard()), new CandidateGenerator(),
                  reranker, 1)).recommend(s, request);
          String at = "seed=" + seed + " request " + q + " k=" + request.k() + " " + request.constraints() + ": ";
          for (RecommendationList tried : List.of(fast, halves)) {
            String how = at + (tried == fast ? "one pass, " : "in halves, ");
            assertEquals(plain.candidates(), tried.candidates(), how + "candidates");
            assertEquals(new TreeMap<>(plain.excluded()), new TreeMap<>(tried.excluded()), how + "exclusions");
            assertEquals(plain.items(), tried.items(), how + "items");
            assertEquals(plain.reason(), tried.reason(), how + "reason");
          }
          plainRequests += plain.candidates() > 64 ? 1 : 0;
        }
      }
    }
    // the seeds must exercise what they are for: requests with candidates in more than one word
    assertTrue(plainRequests > 0, "seed=" + seed + ": no request had more than 64 candidates");
  }

  private static Recommender recommender(Scorer scorer, Reranker reranker) {
    return new ScoringRecommender(scorer, new TargetResolver(Auditor.standard()), new CandidateGenerator(), reranker);
  }

  private static CatalogSnapshot catalog(Random r) {
    int skills = 12 + r.nextInt(30);
    List<Competency> competencies = new ArrayList<>();
    List<IntSet> broader = new ArrayList<>();
    for (int i = 0; i < skills; i++) {
      competencies.add(new Competency(i, "https://example.org/k/" + i, "k" + i, "skill " + i, List.of(),
          "skill/competence", "sector-specific", r.nextDouble(), r.nextInt(1000), "test", List.of(), Set.of()));
      // a few skill groups: a goal target covered through its narrower concepts
      broader.add(i > 3 && r.nextInt(5) == 0 ? IntSet.of(r.nextInt(4)) : IntSet.empty());
    }
    List<Occupation> occupations = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      occupations.add(new Occupation(i, "https://example.org/o/" + i, "o" + i, "occupation " + i, "2512",
          some(r, skills, 2 + r.nextInt(8)), some(r, skills, 4)));
    }
    int n = 300 + r.nextInt(40 * 64);
    List<Credential> credentials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<StackLink> stacks = new ArrayList<>();
      if (i + 1 < n && r.nextInt(5) == 0) {
        stacks.add(new StackLink(i + 1 + r.nextInt(Math.min(n - i - 1, 50)), 5));
      }
      Set<Credential.Fact> unknown = EnumSet.noneOf(Credential.Fact.class);
      for (Credential.Fact f : Credential.Fact.values()) {
        if (r.nextInt(10) == 0) {
          unknown.add(f);
        }
      }
      double cost = r.nextBoolean() ? PRICES[r.nextInt(PRICES.length)] : r.nextInt(20_000) / 10.0;
      double hours = r.nextBoolean() ? HOURS[r.nextInt(HOURS.length)] : r.nextInt(6_000) / 10.0;
      IntSet requiredCredentials = i > 0 && r.nextInt(6) == 0 ? some(r, i, 2) : IntSet.empty();
      IntSet requiredCompetencies = r.nextInt(10) == 0 ? some(r, skills, 2) : IntSet.empty();
      credentials.add(new Credential(i, "https://example.org/c/" + i, "c" + i, "credential " + i, "",
          CredentialKind.values()[r.nextInt(CredentialKind.values().length)], "Badge", -1, hours,
          r.nextInt(3) == 0 ? 0 : r.nextInt(30), r.nextInt(10) == 0 ? 20 : r.nextInt(9),
          DeliveryMode.values()[r.nextInt(DeliveryMode.values().length)], cost, "EUR",
          some(r, skills, 1 + r.nextInt(4)), requiredCredentials, requiredCompetencies, stacks, unknown));
    }
    return new CatalogSnapshot(1, Instant.EPOCH, competencies, occupations, credentials, List.of(), List.of(),
        broader);
  }

  private static RecommendationRequest request(CatalogSnapshot s, Random r) {
    int n = s.credentials().size();
    List<String> held = new ArrayList<>();
    for (int i = r.nextInt(12); i > 0; i--) {
      held.add(s.credential(r.nextInt(n)).id());
    }
    List<String> known = new ArrayList<>();
    for (int i = r.nextInt(6); i > 0; i--) {
      known.add(s.competency(r.nextInt(s.competencies().size())).iri());
    }
    Goal goal;
    if (r.nextBoolean()) {
      goal = new Goal.OccupationGoal(s.occupation(r.nextInt(s.occupations().size())).id());
    } else {
      List<String> ids = new ArrayList<>();
      for (int i = 1 + r.nextInt(5); i > 0; i--) {
        ids.add(s.competency(r.nextInt(s.competencies().size())).id());
      }
      goal = new Goal.CompetencyGoal(ids);
    }
    Set<DeliveryMode> modes = EnumSet.noneOf(DeliveryMode.class);
    if (r.nextInt(3) == 0) {
      for (DeliveryMode m : DeliveryMode.values()) {
        if (r.nextBoolean()) {
          modes.add(m);
        }
      }
    }
    Credential some = s.credential(r.nextInt(n));
    Constraints constraints = new Constraints(limit(r, some.cost()), limit(r, some.hours()), modes,
        r.nextInt(5) == 0, 1 + r.nextInt(8));
    return new RecommendationRequest(new Learner("random", held, known), goal, constraints, 1 + r.nextInt(10));
  }

  /** No limit, a round one, or one at, just below or just above a credential's own value. */
  private static double limit(Random r, double value) {
    boolean usable = Double.isFinite(value) && value >= 0;
    return switch (r.nextInt(usable ? 6 : 2)) {
      case 0 -> Double.POSITIVE_INFINITY;
      case 1 -> r.nextInt(5) * 250.0;
      case 2 -> value;
      case 3 -> Math.max(0, value - 1e-9);
      case 4 -> value + 2e-9;
      default -> Math.nextUp(value);
    };
  }

  private static IntSet some(Random r, int bound, int count) {
    return IntSet.of(r.ints(count, 0, bound).toArray());
  }
}
