package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.learner.ResolvedLearner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The recommender's hot path: a whole recommendation (transparent scorer, diversity re-ranking, explanations) over
 * seeded requests taken in turn, and the transparent scorer alone over one request's eligible candidates, from
 * their terms and from built {@link Candidate} objects. Run with {@code bin/jmh} (see the README); on the bench's
 * kept store with {@code -p store=/path/to/tdb2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class RecommendBenchmark {
  /** A TDB2 store kept by {@code bin/bench --keep}; empty for the embedded sample. */
  @Param("")
  public String store;

  private CatalogSnapshot snapshot;
  private Recommender recommender;
  private List<RecommendationRequest> requests;
  private int next;

  // one request's eligible candidates, for the scorer alone
  private final GoalCoverage coverage = new GoalCoverage();
  private final EligibleCandidates eligible = new EligibleCandidates();
  private TransparentScorer scorer;
  private ScoringContext context;
  private Candidate[] candidates;

  @Setup(Level.Trial)
  public void setUp() {
    snapshot = BenchmarkCatalog.snapshot(store);
    recommender = Recommender.builder().build();
    requests = BenchmarkCatalog.requests(snapshot, 1000, 10, 20240611L);
    // the request with the most eligible candidates: the scorer's worst case among them
    RecommendationRequest widest = null;
    int most = -1;
    for (RecommendationRequest r : requests) {
      int n = recommender.recommend(snapshot, r).candidates();
      if (n > most) {
        most = n;
        widest = r;
      }
    }
    ResolvedLearner learner = ResolvedLearner.resolve(snapshot, widest.learner());
    GoalTargets goal = recommender.targets(snapshot, widest.goal(), learner);
    coverage.fill(snapshot, goal);
    new CandidateGenerator().generate(snapshot, goal, learner, coverage,
        new ConstraintCheck(snapshot, widest.constraints()), eligible, false);
    scorer = new TransparentScorer();
    context = new ScoringContext(snapshot, goal, learner, widest.constraints(), coverage);
    candidates = new Candidate[eligible.size()];
    for (int i = 0; i < candidates.length; i++) {
      candidates[i] = eligible.candidate(i, snapshot, coverage, goal.unmet());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    coverage.reset();
    eligible.clear();
  }

  /** One whole recommendation, the next of the seeded requests each call. */
  @Benchmark
  public RecommendationList recommend() {
    RecommendationRequest request = requests.get(next);
    next = next + 1 == requests.size() ? 0 : next + 1;
    return recommender.recommend(snapshot, request);
  }

  /** The transparent scorer over every eligible candidate of the widest request, from their terms. */
  @Benchmark
  public void scoreTerms(Blackhole out) {
    for (int i = 0; i < eligible.size(); i++) {
      int c = eligible.credential(i);
      out.consume(scorer.score(c, coverage.weight(c), eligible.requirementProgress(i), eligible.totalCost(i),
          eligible.totalHours(i), eligible.oneStepAway(i), context));
    }
  }

  /** The same scores from {@link Candidate} objects built beforehand. */
  @Benchmark
  public void scoreCandidates(Blackhole out) {
    for (Candidate candidate : candidates) {
      out.consume(scorer.score(candidate, context));
    }
  }
}
