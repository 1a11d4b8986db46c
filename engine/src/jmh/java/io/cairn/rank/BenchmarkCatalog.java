package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The catalog a JMH benchmark runs on, and seeded requests over it: a TDB2 store kept by {@code bin/bench} (full
 * ESCO and the generated credentials) when the benchmark's {@code store} parameter names one, else the embedded
 * sample. The store is opened read-only and closed once the snapshot is compiled.
 */
public final class BenchmarkCatalog {
  private BenchmarkCatalog() {}

  /** The snapshot of {@code store}, or of the embedded sample when {@code store} is empty. */
  public static CatalogSnapshot snapshot(String store) {
    if (store == null || store.isBlank()) {
      return SampleCatalog.snapshot();
    }
    Path dir = Path.of(store);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no TDB2 store at " + dir + " (keep one with bin/bench --keep)");
    }
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.onDiskReadOnly(dir))) {
      return catalog.snapshot();
    }
  }

  /**
   * {@code count} seeded occupation goals, shaped as the bench's requests are: a learner holding up to two
   * credentials that teach part of the goal and declaring up to three of its skills, under budgets, hours, modes
   * and EQF limits drawn from a few common values.
   */
  public static List<RecommendationRequest> requests(CatalogSnapshot snapshot, int count, int k, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Occupation> goals = new ArrayList<>();
    for (Occupation o : snapshot.occupations()) {
      if (o.essential().size() >= 3) {
        goals.add(o);
      }
    }
    double[] costs = {200, 1000, 3000, Double.POSITIVE_INFINITY};
    double[] hours = {100, 300, Double.POSITIVE_INFINITY};
    List<RecommendationRequest> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Occupation occupation = goals.get(rnd.nextInt(goals.size()));
      Set<String> held = new LinkedHashSet<>();
      for (int h = rnd.nextInt(3); h > 0; h--) {
        IntSet teachers = snapshot.taughtBy(any(occupation.essential(), rnd));
        if (!teachers.isEmpty()) {
          held.add(snapshot.credential(any(teachers, rnd)).id());
        }
      }
      Set<String> declared = new LinkedHashSet<>();
      for (int d = rnd.nextInt(4); d > 0; d--) {
        declared.add(snapshot.competency(any(occupation.essential(), rnd)).id());
      }
      Set<DeliveryMode> modes = rnd.nextBoolean() ? Set.of() : EnumSet.of(DeliveryMode.ONLINE, DeliveryMode.BLENDED);
      Constraints constraints = new Constraints(costs[rnd.nextInt(costs.length)], hours[rnd.nextInt(hours.length)],
          modes, rnd.nextInt(8) == 0, rnd.nextInt(5) == 0 ? 6 : 8);
      out.add(new RecommendationRequest(new Learner("benchmark learner", List.copyOf(held), List.copyOf(declared)),
          new Goal.OccupationGoal(occupation.id()), constraints, k));
    }
    return out;
  }

  private static int any(IntSet set, SplittableRandom rnd) {
    return set.get(rnd.nextInt(set.size()));
  }
}
