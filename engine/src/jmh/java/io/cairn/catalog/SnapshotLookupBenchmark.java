package io.cairn.catalog;

import io.cairn.rank.BenchmarkCatalog;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The snapshot's lookups that every recommendation makes: ids to indices, an occupation's skills to the credentials
 * covering them (the inverted index), a credential's stacking closure and packed facts, and the sorted-array set
 * operations the learner's holdings go through. Each call takes the next of 4,096 seeded keys. Run with
 * {@code bin/jmh} (see the README); on the bench's kept store with {@code -p store=/path/to/tdb2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class SnapshotLookupBenchmark {
  private static final int KEYS = 4096;

  /** A TDB2 store kept by {@code bin/bench --keep}; empty for the embedded sample. */
  @Param("")
  public String store;

  private CatalogSnapshot snapshot;
  private String[] credentialIds;
  private int[] credentials;
  private int[] occupations;
  private IntSet[] held;
  // pairs of credentials teaching a skill of the same occupation, as the diversity re-ranker compares its pool
  private IntSet[] teachesA;
  private IntSet[] teachesB;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    snapshot = BenchmarkCatalog.snapshot(store);
    SplittableRandom rnd = new SplittableRandom(20240611L);
    credentialIds = new String[KEYS];
    credentials = new int[KEYS];
    occupations = new int[KEYS];
    held = new IntSet[KEYS];
    int nk = snapshot.credentials().size();
    for (int i = 0; i < KEYS; i++) {
      credentials[i] = rnd.nextInt(nk);
      credentialIds[i] = snapshot.credential(credentials[i]).id();
      occupations[i] = rnd.nextInt(snapshot.occupations().size());
      held[i] = IntSet.of(rnd.nextInt(nk), rnd.nextInt(nk), rnd.nextInt(nk));
    }
    teachesA = new IntSet[KEYS];
    teachesB = new IntSet[KEYS];
    for (int i = 0; i < KEYS; i++) {
      IntSet teachers = IntSet.empty();
      while (teachers.size() < 2) {
        IntSet essential = snapshot.occupation(rnd.nextInt(snapshot.occupations().size())).essential();
        teachers = essential.isEmpty() ? teachers : snapshot.coveredBy(essential.get(rnd.nextInt(essential.size())));
      }
      teachesA[i] = snapshot.credential(teachers.get(rnd.nextInt(teachers.size()))).teaches();
      teachesB[i] = snapshot.credential(teachers.get(rnd.nextInt(teachers.size()))).teaches();
    }
  }

  private int nextKey() {
    int i = next;
    next = (i + 1) & (KEYS - 1);
    return i;
  }

  /** A credential id to its record, as resolving a learner does for each credential held. */
  @Benchmark
  public Object findCredential() {
    return snapshot.findCredential(credentialIds[nextKey()]);
  }

  /** Every posting of an occupation's essential skills in the inverted index, as the coverage pass walks them. */
  @Benchmark
  public long coveredByPostings() {
    IntSet essential = snapshot.occupation(occupations[nextKey()]).essential();
    long sum = 0;
    for (int i = 0; i < essential.size(); i++) {
      IntSet teachers = snapshot.coveredBy(essential.get(i));
      for (int j = 0; j < teachers.size(); j++) {
        sum += teachers.get(j);
      }
    }
    return sum;
  }

  /** The packed facts the constraint check and the scorer read for one candidate. */
  @Benchmark
  public void candidateFacts(Blackhole out) {
    int c = credentials[nextKey()];
    CredentialFacts facts = snapshot.facts();
    out.consume(facts.cost(c));
    out.consume(facts.hours(c));
    out.consume(facts.mode(c));
    out.consume(facts.eqfLevel(c));
    out.consume(facts.hasPrerequisites(c));
    out.consume(facts.stacks(c) ? snapshot.stacksIntoClosure(c).size() : 0);
  }

  /**
   * How many skills two credentials teaching a skill of the same occupation share: the Jaccard similarity the
   * diversity re-ranker computes between the members of its pool.
   */
  @Benchmark
  public int sharedTeaches() {
    int i = nextKey();
    return teachesA[i].intersectionSize(teachesB[i]);
  }

  /** Whether a learner holds a credential, and how much of a credential's skills a holding already teaches. */
  @Benchmark
  public void heldLookups(Blackhole out) {
    int i = nextKey();
    int c = credentials[i];
    out.consume(held[i].contains(c));
    out.consume(snapshot.credential(c).teaches().intersectionSize(snapshot.competenciesTaughtBy(held[i])));
  }
}
