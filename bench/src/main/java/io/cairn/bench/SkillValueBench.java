package io.cairn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.labor.model.NextSkillRanker;
import io.cairn.labor.model.NextSkillsQuery;
import io.cairn.labor.model.SkillValueModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Latency of the skill-value model in-process: load and bind time, and "what next" rankings for seeded learners
 * (a random occupation's skills, 20% or 50% held, its minor group as the goal field). Usage:
 * {@code java -cp bench/target/cairn-bench.jar io.cairn.bench.SkillValueBench --data DIR --model FILE
 * [--requests N] [--seed N] [--out FILE]}.
 */
public final class SkillValueBench {
  private SkillValueBench() {}

  /** Seeded next-skill questions over the snapshot's occupations. */
  static List<NextSkillsQuery> queries(CatalogSnapshot snapshot, int count, long seed) {
    Random random = new Random(seed);
    List<Occupation> occupations = snapshot.occupations().stream()
        .filter(o -> o.essential().size() + o.optional().size() >= 4).toList();
    List<NextSkillsQuery> queries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Occupation o = occupations.get(random.nextInt(occupations.size()));
      int[] skills = o.essential().union(o.optional()).toArray();
      double fraction = i % 2 == 0 ? 0.2 : 0.5;
      int held = Math.max(1, (int) Math.round(fraction * skills.length));
      List<Integer> pool = new ArrayList<>();
      for (int s : skills) {
        pool.add(s);
      }
      java.util.Collections.shuffle(pool, random);
      queries.add(new NextSkillsQuery(IntSet.of(pool.subList(0, held)), NextSkillRanker.minorGroup(o), -1, 10));
    }
    return queries;
  }

  /** Per-request nanoseconds of {@code rankNextSkills} after a warm-up of the same size. */
  static long[] measure(NextSkillRanker ranker, List<NextSkillsQuery> queries) {
    for (NextSkillsQuery q : queries) {
      ranker.rankNextSkills(q);
    }
    long[] nanos = new long[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      long t0 = System.nanoTime();
      ranker.rankNextSkills(queries.get(i));
      nanos[i] = System.nanoTime() - t0;
    }
    return nanos;
  }

  /** Per-request nanoseconds of {@code values} for 20 skills not held (what a credential's targets look like). */
  static long[] measureValues(NextSkillRanker ranker, CatalogSnapshot snapshot, List<NextSkillsQuery> queries) {
    Random random = new Random(7);
    int n = snapshot.competencies().size();
    List<int[]> asked = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      asked.add(random.ints(20, 0, n).distinct().sorted().toArray());
    }
    for (int i = 0; i < queries.size(); i++) {
      ranker.values(queries.get(i).held(), queries.get(i).goalField(), asked.get(i));
    }
    long[] nanos = new long[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      long t0 = System.nanoTime();
      ranker.values(queries.get(i).held(), queries.get(i).goalField(), asked.get(i));
      nanos[i] = System.nanoTime() - t0;
    }
    return nanos;
  }

  public static void main(String[] args) throws Exception {
    Path data = null;
    Path model = null;
    Path out = Path.of("bench-results/skill-value.json");
    int requests = 1000;
    long seed = 20240611L;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--model" -> model = Path.of(args[++i]);
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (data == null || model == null) {
      throw new IllegalArgumentException("--data DIR (a store with ESCO) and --model FILE are required");
    }
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.onDisk(data))) {
      long t0 = System.nanoTime();
      SkillValueModel loaded = SkillValueModel.load(model);
      long t1 = System.nanoTime();
      NextSkillRanker ranker = loaded.bind(catalog.snapshot());
      long t2 = System.nanoTime();
      List<NextSkillsQuery> queries = queries(catalog.snapshot(), requests, seed);
      Stats stats = Stats.of(measure(ranker, queries));
      Stats values = Stats.of(measureValues(ranker, catalog.snapshot(), queries));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("model", model.toString());
      result.put("loadMs", (t1 - t0) / 1e6);
      result.put("bindMs", (t2 - t1) / 1e6);
      result.put("nextSkills", stats.toJson());
      result.put("values20", values.toJson());
      Files.createDirectories(out.toAbsolutePath().getParent());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
      System.out.printf("load %.0f ms, bind %.0f ms; next skills (k=10): p50 %.3f ms, p99 %.3f ms over %d requests%n",
          (t1 - t0) / 1e6, (t2 - t1) / 1e6, stats.p50Ms(), stats.p99Ms(), stats.count());
      System.out.printf("values of 20 skills (a credential's targets): p50 %.3f ms, p99 %.3f ms%n", values.p50Ms(),
          values.p99Ms());
      System.out.println("Wrote " + out.toAbsolutePath());
    }
  }
}
