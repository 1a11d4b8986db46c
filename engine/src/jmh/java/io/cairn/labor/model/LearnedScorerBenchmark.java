package io.cairn.labor.model;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.labor.FixtureModel;
import io.cairn.labor.features.FeatureMatrix;
import io.cairn.labor.features.Holdout;
import io.cairn.rank.BenchmarkCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The learned scorer's per-request work: one learner's candidate pool extracted (the features the model reads)
 * and valued, and the pool's scoring alone by the fast path against Tribuo's. Learners are seeded (goal
 * occupations with a few of their skills held) and taken in turn. Runs on the embedded sample with the fixture
 * model, or with {@code -p store=/path/to/tdb2 -p model=/path/to/file.model} (a store kept by {@code bin/bench},
 * a model from {@code cairn train} or {@code bin/bench --save-model}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class LearnedScorerBenchmark {
  /** A TDB2 store kept by {@code bin/bench --keep}; empty for the embedded sample. */
  @Param("")
  public String store;

  /** A skill-value model file; empty for the fixture model. */
  @Param("")
  public String model;

  private NextSkillRanker ranker;
  private LearnedScorer scorer;
  private final List<IntSet> held = new ArrayList<>();
  private final List<String> fields = new ArrayList<>();
  private final List<IntSet> goals = new ArrayList<>();
  private final List<FeatureMatrix> pools = new ArrayList<>();
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    CatalogSnapshot snapshot = BenchmarkCatalog.snapshot(store);
    SkillValueModel loaded = model.isBlank() ? FixtureModel.model() : SkillValueModel.load(Path.of(model));
    scorer = loaded.scorer();
    ranker = loaded.bind(snapshot);
    SplittableRandom random = new SplittableRandom(20240611L);
    List<Occupation> occupations = snapshot.occupations().stream().filter(o -> o.essential().size() >= 3).toList();
    for (int i = 0; i < 200; i++) {
      Occupation goal = occupations.get(random.nextInt(occupations.size()));
      List<Integer> skills = new ArrayList<>();
      for (int h = random.nextInt(6); h > 0; h--) {
        skills.add(goal.essential().get(random.nextInt(goal.essential().size())));
      }
      held.add(IntSet.of(skills));
      fields.add(NextSkillRanker.minorGroup(goal));
      goals.add(goal.essential().union(goal.optional()));
      pools.add(ranker.extractor().extract(held.getLast(), fields.getLast(), Holdout.NONE, goals.getLast()));
    }
  }

  private int advance() {
    int i = next;
    next = next + 1 == held.size() ? 0 : next + 1;
    return i;
  }

  /** What the recommender asks per request: the pool extracted and valued. */
  @Benchmark
  public NextSkillRanker.Valued valuedPool() {
    int i = advance();
    return ranker.valuedPool(held.get(i), fields.get(i), goals.get(i));
  }

  /** The extraction alone. */
  @Benchmark
  public FeatureMatrix extract() {
    int i = advance();
    return ranker.extractor().extract(held.get(i), fields.get(i), Holdout.NONE, goals.get(i));
  }

  /** An extracted pool scored by the fast path (the trees' walk or the dot product). */
  @Benchmark
  public double[] scoreFast() {
    return scorer.score(pools.get(advance()));
  }

  /** The same pool scored through Tribuo's per-example objects. */
  @Benchmark
  public double[] scoreTribuo() {
    return scorer.tribuoScore(pools.get(advance()));
  }
}
