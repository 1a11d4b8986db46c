package io.cairn.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code bin/bench} runs: the command line parsed, the options echoed into the JSON, and the help text.
 * {@code --quick} shrinks everything to a smoke run of about a minute. Scripts and notebooks read the flags, the
 * help and the JSON keys: keep them as they are.
 */
final class BenchOptions {
  Path root = Path.of(System.getProperty("cairn.root", ".")).toAbsolutePath().normalize();
  Path shared;
  Path out;
  Path work;
  long seed = 20240611L;
  int credentials = 20_000;
  int requests = 1_000;
  int searchQueries = 1_000;
  int httpSeconds = 30;
  int httpWarmupSeconds = 5;
  int connections = 16;
  int bodies = 64;
  int k = 10;
  boolean quick;
  boolean keep;
  boolean skipHttp;
  boolean skipBulk;
  boolean javaClient;
  boolean soak;
  int soakSeconds = 60;
  int slowConnections = 300;
  Path model;
  Path saveModel;
  boolean noModel;
  Path store;
  // 150 keeps the default run under ten minutes on 2 cores (issue 18); the planner's evaluation in the notebook
  // runs --plan-only --plan-learners 500
  int planLearners = 150;
  java.time.Duration planTimeLimit = io.cairn.plan.Planner.Builder.DEFAULT_TIME_LIMIT;
  boolean planOnly;
  boolean analyticsOnly;
  boolean recoOnly;
  boolean httpOnly;
  boolean snapshotOnly;
  boolean searchOnly;
  int searchPasses = 1;
  boolean importOnly;
  boolean skipPlan;

  static BenchOptions parse(String[] args) {
    BenchOptions o = new BenchOptions();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> {
          o.quick = true;
          o.credentials = 2_000;
          o.requests = 200;
          o.searchQueries = 200;
          o.httpSeconds = 5;
          o.httpWarmupSeconds = 2;
          o.planLearners = 50;
          o.soakSeconds = 10;
        }
        case "--soak" -> o.soak = true;
        case "--soak-seconds" -> {
          o.soak = true;
          o.soakSeconds = Integer.parseInt(args[++i]);
        }
        case "--slow-connections" -> o.slowConnections = Integer.parseInt(args[++i]);
        case "--credentials" -> o.credentials = Integer.parseInt(args[++i]);
        case "--requests" -> o.requests = Integer.parseInt(args[++i]);
        case "--search-queries" -> o.searchQueries = Integer.parseInt(args[++i]);
        case "--http-seconds" -> o.httpSeconds = Integer.parseInt(args[++i]);
        case "--http-warmup-seconds" -> o.httpWarmupSeconds = Integer.parseInt(args[++i]);
        case "--connections" -> o.connections = Integer.parseInt(args[++i]);
        case "--seed" -> o.seed = Long.parseLong(args[++i]);
        case "--root" -> o.root = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--shared" -> o.shared = Path.of(args[++i]);
        case "--out" -> o.out = Path.of(args[++i]);
        case "--work" -> o.work = Path.of(args[++i]);
        case "--keep" -> o.keep = true;
        case "--skip-http" -> o.skipHttp = true;
        case "--skip-bulk" -> o.skipBulk = true;
        case "--java-client" -> o.javaClient = true;
        case "--model" -> o.model = Path.of(args[++i]);
        case "--no-model" -> o.noModel = true;
        case "--save-model" -> o.saveModel = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--store" -> o.store = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--plan-learners", "--learners" -> o.planLearners = Integer.parseInt(args[++i]);
        case "--plan-time-limit-ms" -> o.planTimeLimit = java.time.Duration.ofMillis(Long.parseLong(args[++i]));
        case "--plan-only" -> o.planOnly = true;
        case "--analytics-only" -> o.analyticsOnly = true;
        case "--reco-only" -> o.recoOnly = true;
        case "--http-only" -> o.httpOnly = true;
        case "--snapshot-only" -> o.snapshotOnly = true;
        case "--search-only" -> o.searchOnly = true;
        case "--search-passes" -> o.searchPasses = Integer.parseInt(args[++i]);
        case "--import-only" -> o.importOnly = true;
        case "--skip-plan" -> o.skipPlan = true;
        case "--help", "-h" -> {
          System.out.println(HELP);
          System.exit(0);
        }
        default -> throw new IllegalArgumentException("unknown option " + a + "; try --help");
      }
    }
    if (o.shared == null) {
      String prop = System.getProperty("cairn.shared");
      String env = System.getenv("CAIRN_SHARED");
      o.shared = prop != null && !prop.isBlank() ? Path.of(prop)
          : env != null && !env.isBlank() ? Path.of(env) : o.root.resolve("../shared");
    }
    o.shared = o.shared.toAbsolutePath().normalize();
    if (o.out == null) {
      o.out = o.root.resolve("bench-results");
    }
    return o;
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("quick", quick);
    m.put("seed", seed);
    m.put("credentials", credentials);
    m.put("requests", requests);
    m.put("k", k);
    m.put("searchQueries", searchQueries);
    m.put("httpSeconds", httpSeconds);
    m.put("httpWarmupSeconds", httpWarmupSeconds);
    m.put("soak", soak);
    m.put("soakSeconds", soakSeconds);
    m.put("slowConnections", slowConnections);
    m.put("connections", connections);
    m.put("shared", shared.toString());
    m.put("model", noModel ? "none" : model == null ? "quick, trained by the bench" : model.toString());
    m.put("planLearners", planLearners);
    m.put("planTimeLimitMs", planTimeLimit.toMillis());
    m.put("planOnly", planOnly);
    m.put("analyticsOnly", analyticsOnly);
    m.put("recoOnly", recoOnly);
    m.put("httpOnly", httpOnly);
    m.put("snapshotOnly", snapshotOnly);
    m.put("searchOnly", searchOnly);
    m.put("searchPasses", searchPasses);
    m.put("importOnly", importOnly);
    m.put("store", store == null ? null : store.toString());
    return m;
  }

  static final String HELP = """
      bin/bench [options]   Cairn's performance harness: benchmarks, not tests (about 5 minutes on 2 cores).
        --quick               smoke run: 2,000 credentials, 200 requests and queries, 5 s of HTTP (about a minute)
        --credentials N       generated credentials on top of ESCO (default 20000)
        --requests N          learner/goal pairs for the in-process and SPARQL latency runs (default 1000)
        --search-queries N    label queries (default 1000)
        --http-seconds N      measured HTTP load, after the warm-up (default 30)
        --http-warmup-seconds N  one round of unmeasured load before it, on each server (default 5); rounds go
                              on until the JIT compiler settles (under 2% of a round), at most 8
        --connections N       HTTP connections (default 16)
        --seed N              seed of the generators (default 20240611)
        --shared DIR          third-party data (default ../shared, or -Dcairn.shared, or $CAIRN_SHARED)
        --out DIR             where the JSON goes (default bench-results/)
        --work DIR            where the throwaway TDB2 stores go (default: the system temp dir)
        --keep                keep the TDB2 stores and the N-Triples export
        --soak                also the soak (issue 16): 60 s of mixed reads at --connections while
                              --slow-connections clients trickle request bodies; error count, p99, /health
                              latency, heap and RSS before and after (adds about 80 s; 10 s with --quick)
        --soak-seconds N      soak length (implies --soak)
        --slow-connections N  slow-body clients during the soak (default 300)
        --skip-http           no HTTP load (and no soak)
        --skip-bulk           no Jena bulk-loader comparison
        --java-client         use the Java load generator even when wrk is installed
        --model FILE          skill-value model (cairn train) for the learned scorer's recommendation latency;
                              without it a quick one is trained on the benchmark's ESCO (about a minute or two)
        --save-model FILE     keep the quick model trained here in FILE (for --model in the next runs: A/B runs
                              of the learned scorer then score with the same trees)
        --no-model            measure the transparent scorer only
        --plan-learners N     seeded learners for the planner's evaluation (default 150; --quick: 50)
        --plan-time-limit-ms N  the planner's solver time limit per request (default 150)
        --skip-plan           no planner evaluation
        --analytics-only      only the curriculum analytics (and the store they need), with their distributions
                              for the notebook: writes bench-results/latest-analytics.json; --store DIR as below
        --plan-only           only the planner's evaluation (and the store it needs): with --store DIR an existing
                              store (ESCO + generated catalog, e.g. kept by --keep) is reused, or built there once
        --reco-only           only the in-process recommendation latency (transparent scorer, then the learned one
                              unless --no-model) and a digest of every answer of each (equal digests: equal
                              answers), on the store: writes
                              bench-results/latest-reco.json; --store DIR as below
        --http-only           only the HTTP load (Cairn, then a bare Javalin handler replaying Cairn's answers as the
                              ceiling of this machine), on the store: writes bench-results/latest-http.json
        --snapshot-only       only a restart's snapshot: compiled from the graph, against loaded from the persisted
                              file (written into the store's directory: give it a copy of a store to keep as it
                              is), with a digest of both answers: writes bench-results/latest-snapshot.json
        --search-only         only the label search latency: ESCO imported into memory (about 20 s), or the
                              store given with --store: writes bench-results/latest-search.json
        --search-passes N     with --search-only: the timed pass N times over (the first is the target's
                              figure, the others show the noise; default 1)
        --import-only         only the loads: the ESCO import against Jena's bulk loader, then the generated
                              credentials' SHACL-checked load (steps 1 and 2 up to the load): writes
                              bench-results/latest-import.json
        --store DIR           with --plan-only, --analytics-only, --reco-only, --http-only, --snapshot-only,
                              --search-only or --import-only: the TDB2 store to reuse or build (default: a fresh
                              temporary one)
        --scale               the long run at registry scale, 20,000 to 1,000,000 credentials in one growing store
                              (hours; see bin/bench --scale --help)
      Writes bench-results/bench-<timestamp>.json and bench-results/latest.json, prints a table.""";
}
