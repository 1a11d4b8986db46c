package io.cairn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What {@code bin/bench --scale} runs: the catalog sizes, the batch size it grows the store by, and how much of each
 * measurement to do per size; every other option (seed, shared data, output, work directory, --keep) is the default
 * run's ({@link BenchOptions}).
 */
record ScaleOptions(BenchOptions common, int[] sizes, int batch, int requests, int searchQueries, int planLearners,
    boolean skipPlan) {

  static final int[] DEFAULT_SIZES = {20_000, 200_000, 1_000_000};

  static final String HELP = """
      bin/bench --scale [options]   the catalog at registry scale (issue 18): ONE TDB2 store, full ESCO imported once,
                              then generated credentials added in batches to reach each size; per size: load time,
                              snapshot build, heap after GC, TDB2 size on disk, recommendation p50/p99 (transparent
                              scorer), plan p50/p95, search p99. On this project's 2 cores, quiet: ESCO and 20,000 take
                              about 2 minutes; loading runs at about 0.7 to 0.9 ms per credential whatever the
                              store's size (a load's chain checks start from what it touches), so 200,000 takes
                              about 3 minutes more and 1,000,000 about 11 minutes more (with each size's
                              measurements, plan on half an hour), and its store about 20 GB of disk. Runs with -Xmx12g
                              (CAIRN_BENCH_HEAP to change).
        --scale-sizes A,B,..  catalog sizes, ascending (default 20000,200000,1000000)
        --scale-batch N       credentials per batch, each loaded as its own SHACL-checked source (default 50000)
        --scale-requests N    recommendation questions per size (default 1000)
        --scale-search-queries N  label queries per size (default 1000)
        --scale-plan-learners N   planner learners per size, four plans each (default 10; 0 = no planner)
        --seed, --shared, --out, --work, --keep  as in the default run
      Writes bench-results/scale-<timestamp>.json and bench-results/latest-scale.json, prints a table.""";

  /** Takes the scale options out of {@code args} and hands the rest to the default run's parser. */
  static ScaleOptions parse(String[] args) {
    int[] sizes = DEFAULT_SIZES;
    int batch = 50_000;
    int requests = 1_000;
    int searchQueries = 1_000;
    int planLearners = 10;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--scale" -> { }
        case "--scale-sizes" -> sizes = sizes(value(args, ++i, "--scale-sizes"));
        case "--scale-batch" -> batch = positive(args, ++i, "--scale-batch");
        case "--scale-requests" -> requests = positive(args, ++i, "--scale-requests");
        case "--scale-search-queries" -> searchQueries = positive(args, ++i, "--scale-search-queries");
        case "--scale-plan-learners" -> planLearners = Integer.parseInt(value(args, ++i, "--scale-plan-learners"));
        case "--help", "-h" -> {
          System.out.println(HELP);
          System.exit(0);
        }
        default -> rest.add(args[i]);
      }
    }
    return new ScaleOptions(BenchOptions.parse(rest.toArray(String[]::new)), sizes, batch, requests, searchQueries,
        Math.max(0, planLearners), planLearners <= 0);
  }

  /** Whether {@code args} ask for the scale run. */
  static boolean wanted(String[] args) {
    return Arrays.asList(args).contains("--scale");
  }

  private static int[] sizes(String text) {
    int[] sizes;
    try {
      sizes = Arrays.stream(text.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--scale-sizes takes sizes separated by commas, such as 20000,200000; got "
          + text);
    }
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] <= 0 || i > 0 && sizes[i] <= sizes[i - 1]) {
        throw new IllegalArgumentException("--scale-sizes must be positive and ascending; got " + text);
      }
    }
    return sizes;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value; try --scale --help");
    }
    return args[i];
  }

  private static int positive(String[] args, int i, String option) {
    int n = Integer.parseInt(value(args, i, option));
    if (n <= 0) {
      throw new IllegalArgumentException(option + " must be positive; got " + n);
    }
    return n;
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("sizes", sizes);
    m.put("batch", batch);
    m.put("seed", common.seed);
    m.put("requests", requests);
    m.put("k", common.k);
    m.put("searchQueries", searchQueries);
    m.put("planLearners", planLearners);
    m.put("planTimeLimitMs", common.planTimeLimit.toMillis());
    m.put("shared", common.shared.toString());
    return m;
  }
}
