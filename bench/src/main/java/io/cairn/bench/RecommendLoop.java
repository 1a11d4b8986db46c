package io.cairn.bench;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.rank.RecommendationList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A developer's loop for profiling the recommender alone: opens a TDB2 store kept by {@code bin/bench --keep}
 * (ESCO plus the generated catalog), asks the benchmark's seeded questions round after round, and prints the
 * latency of each round. Run it under JFR to see where a request's time goes without re-importing ESCO:
 * {@code java -cp bench/target/cairn-bench.jar io.cairn.bench.RecommendLoop STORE [ROUNDS] [SEED] [MODEL]};
 * with a skill-value model file (from {@code cairn train}) it measures the learned scorer.
 */
public final class RecommendLoop {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private RecommendLoop() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !Files.isDirectory(Path.of(args[0]))) {
      System.err.println("usage: RecommendLoop TDB2_STORE_DIR [ROUNDS] [SEED] [MODEL_FILE]  (a store kept by bin/bench"
          + " --keep; a model file measures the learned scorer)");
      System.exit(2);
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20240611L;
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.onDisk(Path.of(args[0])))) {
      long t0 = System.nanoTime();
      CatalogSnapshot snapshot = catalog.snapshot();
      System.err.printf("snapshot: %d credentials, %d competencies in %.2f s%n", snapshot.credentials().size(),
          snapshot.competencies().size(), (System.nanoTime() - t0) / 1e9);
      Cairn cairn = args.length > 3
          ? Cairn.over(catalog, io.cairn.labor.model.SkillValueModel.load(Path.of(args[3])))
          : Cairn.over(catalog);
      System.err.println("scorer: " + (args.length > 3 ? "learned, model " + args[3] : "transparent"));
      // the same questions as the benchmark's step 3 (seed + 1)
      List<RequestGenerator.Question> questions = new RequestGenerator(snapshot, seed + 1).questions(1000, 10);
      for (int round = 1; round <= rounds; round++) {
        long[] times = new long[questions.size()];
        // CPU time of this thread too: wall time on a loaded 2-core machine measures the other processes
        long[] cpu = new long[questions.size()];
        long items = 0;
        // a digest of every answer, to check that an optimisation changed no result
        long digest = 17;
        for (int i = 0; i < questions.size(); i++) {
          long cpuStart = THREADS.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          RecommendationList list = cairn.recommend(questions.get(i).request());
          times[i] = System.nanoTime() - start;
          cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
          items += list.items().size();
          for (var r : list.items()) {
            digest = digest * 31 + r.credential() * 7919L + Math.round(r.score() * 1e6);
          }
        }
        Stats stats = Stats.of(times);
        Stats cpuStats = Stats.of(cpu);
        System.err.printf("round %2d: p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms  (%.1f items/list, "
            + "digest %x); CPU p50 %.3f ms p99 %.3f ms%n", round, stats.p50Ms(), stats.p90Ms(), stats.p99Ms(), stats.maxMs(),
            items / (double) questions.size(), digest, cpuStats.p50Ms(), cpuStats.p99Ms());
      }
    }
  }
}
