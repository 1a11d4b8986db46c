package io.cairn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.LoadReport;
import io.cairn.graph.RdfSource;
import io.cairn.interop.esco.EscoImportReport;
import io.cairn.interop.esco.EscoImporter;
import io.cairn.interop.esco.ImportProgress;
import io.cairn.rank.RecommendationList;
import io.cairn.search.LabelSearch;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * Cairn's performance harness (benchmarks, not tests): ESCO import against Jena's bulk loader, snapshot build and
 * heap with a generated catalog of 20,000 credentials, in-process recommendation latency against a
 * SPARQL-per-request baseline, HTTP throughput and label search latency. Prints a table with each figure next
 * to its target and writes everything to {@code bench-results/bench-<timestamp>.json} (and {@code latest.json}).
 * Run it with {@code bin/bench} ({@code bin/bench --help}).
 */
public final class Bench {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final long START = System.nanoTime();

  /** What to run; {@code --quick} shrinks everything to a smoke run of about a minute. */
  static final class Options {
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

    static Options parse(String[] args) {
      Options o = new Options();
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
  }

  static final String HELP = """
      bin/bench [options]   Cairn's performance harness: benchmarks, not tests (about 5 minutes on 2 cores).
        --quick               smoke run: 2,000 credentials, 200 requests and queries, 5 s of HTTP (about a minute)
        --credentials N       generated credentials on top of ESCO (default 20000)
        --requests N          learner/goal pairs for the in-process and SPARQL latency runs (default 1000)
        --search-queries N    label queries (default 1000)
        --http-seconds N      measured HTTP load, after a 5 s warm-up (default 30)
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

  private final List<Map<String, Object>> timeline = new ArrayList<>();

  private Bench() {}

  /** Closes the current phase of the timeline and opens {@code name} (wall-clock times, to line up with JFR). */
  private void phase(String name) {
    long now = System.currentTimeMillis();
    if (!timeline.isEmpty()) {
      timeline.getLast().putIfAbsent("endEpochMs", now);
    }
    if (name != null) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("phase", name);
      p.put("startEpochMs", now);
      timeline.add(p);
    }
  }

  public static void main(String[] args) throws Exception {
    if (ScaleOptions.wanted(args)) {
      System.exit(ScaleBench.main(args));
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (RuntimeException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    int status = new Bench().run(options);
    System.exit(status);
  }

  static void progress(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[bench %6.1fs] %s%n", (System.nanoTime() - START) / 1e9,
        String.format(Locale.ROOT, format, args));
  }

  private int run(Options o) throws Exception {
    List<Path> archives = BenchStore.escoArchives(o.shared);
    for (Path archive : archives) {
      if (!Files.isRegularFile(archive)) {
        System.err.println("bench: missing " + archive + "; point --shared (or CAIRN_SHARED) at the shared data");
        return 2;
      }
    }
    String startedAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(java.time.OffsetDateTime.now(ZoneOffset.UTC));
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC));
    Path work = o.work == null ? Files.createTempDirectory("cairn-bench-")
        : Files.createDirectories(o.work).resolve("cairn-bench-" + stamp);
    Files.createDirectories(work);
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("schema", "cairn-bench/1");
    results.put("startedAt", startedAt);
    results.put("options", o.toJson());
    results.put("machine", Machine.describe(o.root));
    List<Target> targets = new ArrayList<>();
    if (o.planOnly) {
      return onStoreOnly(o, work, "plan", results, targets,
          catalog -> planner(o, catalog.snapshot(), "", results, targets), "bench-" + stamp + "-plan.json",
          "latest-plan.json");
    }
    if (o.analyticsOnly) {
      return onStoreOnly(o, work, "analytics", results, targets,
          catalog -> analytics(o, catalog.snapshot(), results, targets), "bench-" + stamp + "-analytics.json",
          "latest-analytics.json");
    }
    if (o.recoOnly) {
      return onStoreOnly(o, work, "recommendation", results, targets, catalog -> {
        Cairn cairn = Cairn.over(catalog);
        List<RequestGenerator.Question> questions = new RequestGenerator(catalog.snapshot(), o.seed + 1)
            .questions(o.requests, o.k);
        progress("recommendation latency in-process: %d learner/goal pairs, k=%d", questions.size(), o.k);
        results.put("recommendation", recommend(cairn, questions, targets, "transparent", 0.1, 0.5));
        String digest = AnswerDigest.of(cairn, questions);
        progress("    answers digest (SHA-256 of every answer, whole): %s", digest);
        results.put("answersDigest", digest);
        if (!o.noModel) {
          Cairn learned = learned(o, catalog, catalog.snapshot(), questions, results, targets);
          String learnedDigest = AnswerDigest.of(learned, questions);
          progress("    learned answers digest: %s", learnedDigest);
          results.put("answersDigestLearned", learnedDigest);
        }
      }, "bench-" + stamp + "-reco.json", "latest-reco.json");
    }
    if (o.httpOnly) {
      return onStoreOnly(o, work, "HTTP", results, targets, catalog -> {
        List<RequestGenerator.Question> questions = new RequestGenerator(catalog.snapshot(), o.seed + 1)
            .questions(o.requests, o.k);
        http(o, Cairn.over(catalog), questions, work, results, targets);
      }, "bench-" + stamp + "-http.json", "latest-http.json");
    }
    if (o.snapshotOnly) {
      // the questions are drawn while the store is open; the restarts need it closed
      List<List<RequestGenerator.Question>> questions = new ArrayList<>();
      return onStoreOnly(o, work, "snapshot (the persisted file is written into the store)", results, targets,
          catalog -> questions.add(new RequestGenerator(catalog.snapshot(), o.seed + 1).questions(o.requests, o.k)),
          storeDir -> results.put("snapshot", SnapshotBench.run(storeDir, questions.getFirst(), targets)),
          "bench-" + stamp + "-snapshot.json", "latest-snapshot.json");
    }
    if (o.searchOnly) {
      return searchOnly(o, work, results, targets, "bench-" + stamp + "-search.json", "latest-search.json");
    }
    Path storeDir = work.resolve("tdb2-cairn");
    LiveCatalog catalog = null;
    int status = 0;
    try {
      steps: {
      // ------------------------------------------------------------------ 1. import vs bulk loader
      progress("1/7 ESCO import with EscoImporter into a fresh TDB2 store at %s", storeDir);
      phase("import");
      catalog = new LiveCatalog(GraphStore.onDisk(storeDir));
      ImportLog log = new ImportLog();
      long t0 = System.nanoTime();
      long cpu0 = threadCpuNanos();
      EscoImportReport report = new EscoImporter(Clock.systemUTC()).importInto(catalog, archives,
          EscoImporter.Options.defaults(), log);
      long importNanos = System.nanoTime() - t0;
      long importCpuNanos = threadCpuNanos() - cpu0;
      long escoTriples = report.triples();
      Map<String, Object> imp = new LinkedHashMap<>();
      imp.put("what", "EscoImporter.importInto: both zip archives into a fresh TDB2 store, one transaction with "
          + "SHACL validation, then the snapshot refresh it triggers");
      imp.put("seconds", importNanos / 1e9);
      imp.put("cpuSeconds", importCpuNanos / 1e9);
      imp.put("cpuWhat", "CPU time of the importing thread (GC and JIT threads not counted): less moved than the "
          + "wall clock by other work on a shared machine");
      imp.put("triples", escoTriples);
      imp.put("triplesPerSecond", escoTriples / (importNanos / 1e9));
      imp.put("reportedDurationSeconds", report.duration().toNanos() / 1e9);
      if (log.committingAt > 0) {
        imp.put("readAndWriteRowsSeconds", (log.committingAt - t0) / 1e9);
        imp.put("provenanceValidateCommitAndSnapshotSeconds", (t0 + importNanos - log.committingAt) / 1e9);
      }
      imp.put("rowsPerFile", report.rowsPerFile());
      imp.put("escoVersion", report.version());
      CatalogSnapshot escoSnapshot = catalog.snapshot();
      imp.put("competencies", escoSnapshot.competencies().size());
      imp.put("occupations", escoSnapshot.occupations().size());
      progress("    %,d triples in %.1f s (%.1f s CPU on this thread; %,.0f triples/s)", escoTriples,
          importNanos / 1e9, importCpuNanos / 1e9, escoTriples / (importNanos / 1e9));
      results.put("import", imp);
      phase("esco-snapshot-repeat");
      t0 = System.nanoTime();
      new LiveCatalog(catalog.store()).snapshot();
      imp.put("escoSnapshotBuildSeconds", (System.nanoTime() - t0) / 1e9);
      imp.put("escoSnapshotWhat", "a second snapshot build of the ESCO-only store (new LiveCatalog), the part of the "
          + "import that is the snapshot refresh");

      Dataset dataset = TDB2Factory.connectDataset(storeDir.toString());
      phase("esco-shacl-repeat");
      imp.put("escoShaclValidateSeconds", shaclSeconds(dataset));
      imp.put("escoShaclWhat", "Jena SHACL validation of the whole ESCO store with Cairn's shapes, in a read "
          + "transaction: what the import does before its commit, repeated to see its share");
      if (!o.skipBulk) {
        phase("export-and-bulk-load");
        results.put("bulkLoader", bulkLoad(dataset, work, escoTriples, importNanos, targets));
      }
      results.put("heapAfterEscoMiB", heapAfterGc() / 1048576.0);

      // ------------------------------------------------------------------ 2. generated catalog, snapshot, heap
      progress("2/7 generating %,d credentials (seed %d) and loading them on top of ESCO", o.credentials, o.seed);
      Map<String, Object> cat = new LinkedHashMap<>();
      phase("generate-and-load-credentials");
      t0 = System.nanoTime();
      CredentialGenerator.Result generated = new CredentialGenerator(o.seed).generate(escoSnapshot, o.credentials);
      cat.put("generateSeconds", (System.nanoTime() - t0) / 1e9);
      escoSnapshot = null;
      t0 = System.nanoTime();
      RdfSource source = RdfSource.fromText(CredentialGenerator.GRAPH_NAME, generated.turtle(), Lang.TURTLE);
      cat.put("parseSeconds", (System.nanoTime() - t0) / 1e9);
      cat.put("generated", generated.toJson());
      generated = null;
      t0 = System.nanoTime();
      cpu0 = threadCpuNanos();
      LoadReport load = catalog.store().load(List.of(source));
      long loadNanos = System.nanoTime() - t0;
      cat.put("loadCpuSeconds", (threadCpuNanos() - cpu0) / 1e9);
      source = null;
      cat.put("loadSeconds", loadNanos / 1e9);
      cat.put("loadWhat", "GraphStore.load: SHACL validation of the nodes the new graph adds to, against the store "
          + "with it, then the write, one transaction");
      cat.put("credentialTriples", load.triples());
      progress("    loaded %,d triples in %.1f s (%.1f s CPU on this thread; validation included)", load.triples(),
          loadNanos / 1e9, (Double) cat.get("loadCpuSeconds"));
      if (o.importOnly) {
        results.put("catalog", cat);
        break steps;
      }
      phase("snapshot-build");
      t0 = System.nanoTime();
      CatalogSnapshot snapshot = catalog.refresh();
      long snapshotNanos = System.nanoTime() - t0;
      cat.put("snapshotBuildSeconds", snapshotNanos / 1e9);
      cat.put("snapshotWhat", "LiveCatalog.refresh after the load: compile the store (ESCO + credentials) into the "
          + "int-indexed snapshot");
      phase("snapshot-build-repeat");
      t0 = System.nanoTime();
      new LiveCatalog(catalog.store()).snapshot();
      cat.put("snapshotBuildSecondsRepeat", (System.nanoTime() - t0) / 1e9);
      phase("snapshot-queries");
      cat.put("snapshotQuerySeconds", snapshotQueries(dataset));
      cat.put("snapshotQueriesWhat", "each SELECT of the engine's io/cairn/graph/queries (those the snapshot "
          + "compiler runs) timed alone over the union default graph, all rows read: where the build's time goes");
      phase("heap");
      cat.put("storeTriples", totalTriples(dataset));
      cat.put("credentials", snapshot.credentials().size());
      cat.put("competencies", snapshot.competencies().size());
      cat.put("occupations", snapshot.occupations().size());
      cat.put("issuers", snapshot.issuers().size());
      long heap = heapAfterGc();
      cat.put("heapUsedAfterGcMiB", heap / 1048576.0);
      cat.put("heapWhat", "heap used after full GCs with the store open and the snapshot built (before the label "
          + "index and the server): TDB2 caches, the snapshot, Jena and everything else in this JVM");
      progress("    snapshot in %.2f s; heap after GC %.0f MiB", snapshotNanos / 1e9, heap / 1048576.0);
      results.put("catalog", cat);
      targets.add(Target.atMost("snapshot build (ESCO + credentials)", snapshotNanos / 1e9, 5, "s", "%.2f"));
      targets.add(Target.atMost("heap after GC", heap / 1073741824.0, 1, "GiB", "%.2f"));

      // ------------------------------------------------------------------ 3. recommendation in-process
      Cairn cairn = Cairn.over(catalog);
      List<RequestGenerator.Question> questions = new RequestGenerator(snapshot, o.seed + 1).questions(o.requests,
          o.k);
      phase("recommendation");
      progress("3/7 recommendation latency in-process: %d learner/goal pairs, k=%d", questions.size(), o.k);
      results.put("recommendation", recommend(cairn, questions, targets, "transparent", 0.1, 0.5));
      if (!o.noModel) {
        phase("recommendation-learned");
        learned(o, catalog, snapshot, questions, results, targets);
      }

      // ------------------------------------------------------------------ 4. SPARQL per request
      phase("sparql-baseline");
      progress("4/7 the same questions, one SPARQL query each on the TDB2 store");
      results.put("sparqlBaseline", sparql(dataset, questions, results, targets));

      // ------------------------------------------------------------------ 5. HTTP
      if (!o.skipHttp) {
        phase("http");
        progress("5/7 HTTP throughput of POST /api/recommendations");
        http(o, cairn, questions, work, results, targets);
      }

      // ------------------------------------------------------------------ 6. search
      progress("6/7 label search: building the index, then %d queries", o.searchQueries);
      search(o, cairn, snapshot, 1, results, targets);
      // ------------------------------------------------------------------ 6b. curriculum analytics
      progress("6b/7 curriculum analytics on the whole catalog: overlap, inflation, demand gaps");
      analytics(o, snapshot, results, targets);
      // ------------------------------------------------------------------ 7. soak (--soak)
      if (o.soak && !o.skipHttp) {
        phase("soak");
        progress("7 soak: %d s of mixed reads at %d connections with %d slow uploads open", o.soakSeconds,
            o.connections, o.slowConnections);
        List<Map<String, Object>> bodies = questions.stream().limit(o.bodies).map(RequestGenerator.Question::body)
            .toList();
        Map<String, Object> soak = new SoakBench(cairn, bodies, work, o.seed + 3).run(o.soakSeconds, o.connections,
            o.slowConnections, o.javaClient);
        results.put("soak", soak);
        targets.add(Target.atMost("soak errors (non-2xx + socket)", ((Number) soak.get("errors")).doubleValue(), 0,
            "", "%,.0f"));
        @SuppressWarnings("unchecked")
        Map<String, Object> health = (Map<String, Object>) soak.get("health");
        targets.add(Target.atMost("soak: slowest /health with slow uploads open",
            ((Number) health.get("maxMs")).doubleValue(), 1000, "ms", "%.1f"));
      }

      // ------------------------------------------------------------------ 8. planner (--skip-plan leaves it out)
      if (!o.skipPlan) {
        planner(o, snapshot, "8 ", results, targets);
      }
      }
    } catch (Exception | OutOfMemoryError e) {
      status = failed(e, results);
    } finally {
      if (catalog != null) {
        catalog.close();
      }
      if (!o.keep) {
        deleteTree(work);
      } else {
        progress("kept %s", work);
      }
    }
    finish(o, "bench-" + stamp + (o.importOnly ? "-import.json" : ".json"),
        o.importOnly ? "latest-import.json" : "latest.json", results, targets);
    return status;
  }

  /** Closes the timeline, adds the end figures and the targets, writes the JSON (and its latest copy), prints. */
  private void finish(Options o, String name, String latest, Map<String, Object> results, List<Target> targets)
      throws IOException {
    phase(null);
    results.put("timeline", timeline);
    @SuppressWarnings("unchecked")
    Map<String, Object> machine = (Map<String, Object>) results.get("machine");
    machine.put("loadAverageAtEnd", Machine.loadAverage());
    results.put("wallSeconds", (System.nanoTime() - START) / 1e9);
    results.put("finishedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(java.time.OffsetDateTime.now(ZoneOffset.UTC)));
    results.put("targets", targets.stream().map(Target::toJson).toList());
    Files.createDirectories(o.out);
    Path file = o.out.resolve(name);
    JSON.writeValue(file.toFile(), results);
    Files.copy(file, o.out.resolve(latest), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    System.out.println(Table.render(results, targets));
    System.out.println("JSON: " + file);
  }

  private static int failed(Throwable e, Map<String, Object> results) {
    progress("FAILED: %s", e);
    e.printStackTrace();
    results.put("error", e.toString());
    return 1;
  }

  /** The planner's evaluation (issue 12) on {@code snapshot}. */
  private void planner(Options o, CatalogSnapshot snapshot, String step, Map<String, Object> results,
      List<Target> targets) {
    phase("planner");
    progress("%splanner: %d seeded learners, each planned four ways (cost at reach 1.0 and 0.8, the interactive "
        + "request, value)", step, o.planLearners);
    results.put("planner", new PlanBench(snapshot, o.shared, o.planTimeLimit).run(o.planLearners, o.seed + 3,
        targets));
  }

  /**
   * The label search step: the index built, then the seeded queries timed {@code passes} times over; the first
   * pass is the target's figure, the later ones are kept to show the run's noise.
   */
  private void search(Options o, Cairn cairn, CatalogSnapshot snapshot, int passes, Map<String, Object> results,
      List<Target> targets) {
    phase("search");
    long t0 = System.nanoTime();
    LabelSearch search = cairn.labelSearch(snapshot);
    double indexSeconds = (System.nanoTime() - t0) / 1e9;
    List<SearchBench.Query> queries = SearchBench.queries(snapshot, o.searchQueries, o.seed + 2);
    Map<String, Object> s = SearchBench.run(search, queries, 10);
    s.put("indexBuildSeconds", indexSeconds);
    results.put("search", s);
    @SuppressWarnings("unchecked")
    Map<String, Object> latency = (Map<String, Object>) s.get("latency");
    progress("    pass 1: p99 %.3f ms (CPU %.3f ms)", latency.get("p99Ms"), ((Map<?, ?>) s.get("cpu")).get("p99Ms"));
    targets.add(Target.atMost("search p99", (Double) latency.get("p99Ms"), 2, "ms", "%.3f"));
    if (passes > 1) {
      List<Object> more = new ArrayList<>();
      for (int pass = 2; pass <= passes; pass++) {
        Map<String, Object> again = SearchBench.run(search, queries, 10);
        again.remove("examples");
        more.add(again);
        progress("    pass %d: p99 %.3f ms (CPU %.3f ms)", pass, ((Map<?, ?>) again.get("latency")).get("p99Ms"),
            ((Map<?, ?>) again.get("cpu")).get("p99Ms"));
      }
      results.put("searchLaterPasses", more);
    }
  }

  /**
   * Only the label search: it needs ESCO alone, imported into memory, unless {@code --store} names a store (which
   * is opened as {@link BenchStore#open} does, building it there when it is empty).
   */
  private int searchOnly(Options o, Path work, Map<String, Object> results, List<Target> targets, String fileName,
      String latestName) throws Exception {
    if (o.store != null) {
      return onStoreOnly(o, work, "search", results, targets,
          catalog -> search(o, Cairn.over(catalog), catalog.snapshot(), o.searchPasses, results, targets),
          fileName, latestName);
    }
    int status = 0;
    progress("search only: ESCO imported into memory");
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      phase("import");
      new EscoImporter(Clock.systemUTC()).importInto(catalog, BenchStore.escoArchives(o.shared),
          EscoImporter.Options.defaults(), ImportProgress.silent());
      progress("label search: building the index, then %d queries, %d timed pass(es)", o.searchQueries,
          o.searchPasses);
      search(o, Cairn.over(catalog), catalog.snapshot(), o.searchPasses, results, targets);
    } catch (Exception | OutOfMemoryError e) {
      status = failed(e, results);
    } finally {
      deleteTree(work);
    }
    finish(o, fileName, latestName, results, targets);
    return status;
  }

  /** The curriculum analytics on the whole catalog, each timed against its target of a few seconds. */
  private void analytics(Options o, CatalogSnapshot snapshot, Map<String, Object> results,
      List<Target> targets) {
    phase("analytics");
    Map<String, Object> analytics = AnalyticsBench.run(snapshot, o.shared);
    results.put("analytics", analytics);
    for (String step : List.of("overlap", "inflation", "gaps")) {
      targets.add(Target.atMost("analytics: " + step, (Double) analytics.get(step + "Seconds"), 5, "s", "%.2f"));
    }
  }

  /** A step that needs the catalog only, run on the store of one. */
  @FunctionalInterface
  private interface StoreStep {
    void run(LiveCatalog catalog) throws Exception;
  }

  /** What runs on the store's directory once the step's catalog is closed again. */
  private interface ClosedStoreStep {
    void run(Path storeDir) throws Exception;
  }

  /**
   * Only one step (the planner's evaluation, or the analytics), on a reused (or newly built) store; writes the same
   * JSON and table as a whole run, under its own names.
   */
  private int onStoreOnly(Options o, Path work, String what, Map<String, Object> results, List<Target> targets,
      StoreStep step, String fileName, String latestName) throws Exception {
    return onStoreOnly(o, work, what, results, targets, step, storeDir -> { }, fileName, latestName);
  }

  private int onStoreOnly(Options o, Path work, String what, Map<String, Object> results, List<Target> targets,
      StoreStep step, ClosedStoreStep then, String fileName, String latestName) throws Exception {
    Path storeDir = o.store != null ? o.store : work.resolve("tdb2-cairn");
    int status = 0;
    progress("%s only: the store at %s", what, storeDir);
    try {
      try (io.cairn.graph.LiveCatalog catalog = BenchStore.open(storeDir, o.shared, o.seed, o.credentials)) {
        step.run(catalog);
      }
      then.run(storeDir);
    } catch (Exception | OutOfMemoryError e) {
      status = failed(e, results);
    } finally {
      if (o.store == null && !o.keep) {
        deleteTree(work);
      }
    }
    finish(o, fileName, latestName, results, targets);
    return status;
  }

  // ------------------------------------------------------------------ phases

  private void http(Options o, Cairn cairn, List<RequestGenerator.Question> questions, Path work,
      Map<String, Object> results, List<Target> targets) throws Exception {
    List<Map<String, Object>> bodies = questions.stream().limit(o.bodies).map(RequestGenerator.Question::body)
        .toList();
    Map<String, Object> http = new HttpBench(cairn, bodies, work).run(o.httpSeconds, o.httpWarmupSeconds,
        o.connections, o.javaClient);
    results.put("http", http);
    targets.add(Target.atLeast("HTTP requests/s (" + o.connections + " connections)",
        ((Number) http.get("requestsPerSecond")).doubleValue(), 12_000, "req/s", "%,.0f"));
    targets.add(Target.atMost("HTTP errors (non-2xx + socket)", ((Number) http.get("errors")).doubleValue(), 0,
        "", "%,.0f"));
    targets.add(Target.atLeast("HTTP share of the ceiling (same run)",
        ((Number) http.get("shareOfCeiling")).doubleValue(), 0.5, "", "%.2f"));
  }

  /** CPU time of this thread, the figure a busy shared machine moves least. */
  private static long threadCpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private Map<String, Object> bulkLoad(Dataset dataset, Path work, long escoTriples, long importNanos,
      List<Target> targets) throws Exception {
    Path nt = work.resolve("esco.nt");
    progress("    exporting the ESCO graph as N-Triples to %s", nt);
    long t0 = System.nanoTime();
    long exported = Txn.calculateRead(dataset, () -> {
      Node graph = NodeFactory.createURI(EscoImporter.GRAPH);
      long n = 0;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(nt), 1 << 16)) {
        StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES_UTF8);
        writer.start();
        var it = dataset.asDatasetGraph().getGraph(graph).find();
        try {
          while (it.hasNext()) {
            Triple t = it.next();
            writer.triple(t);
            n++;
          }
        } finally {
          it.close();
        }
        writer.finish();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return n;
    });
    double exportSeconds = (System.nanoTime() - t0) / 1e9;
    Path bulkDir = work.resolve("tdb2-bulk");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx2g", "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), BulkLoad.class.getName(), bulkDir.toString(), EscoImporter.GRAPH,
        nt.toString(), "phased"));
    progress("    Jena's bulk loader (phased, as tdb2.tdbloader on an empty store) in a fresh JVM");
    t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("the bulk loader failed: " + output);
    }
    double processSeconds = (System.nanoTime() - t0) / 1e9;
    var line = JSON.readTree(output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
    double loadSeconds = line.get("loadMs").asDouble() / 1000;
    long loaded = line.get("triples").asLong();
    double importSeconds = importNanos / 1e9;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("what", "the ESCO graph exported from the store as N-Triples, loaded by Jena's TDB2 bulk loader "
        + "(LoaderFactory.phasedLoader into the same named graph of a fresh store, what tdb2.tdbloader does on an "
        + "empty database) in a fresh JVM");
    m.put("exportedTriples", exported);
    m.put("exportSeconds", exportSeconds);
    m.put("ntriplesBytes", Files.size(nt));
    m.put("loader", line.get("class").asText());
    m.put("loadedTriples", loaded);
    m.put("loadSeconds", loadSeconds);
    m.put("triplesPerSecond", loaded / loadSeconds);
    m.put("jvmStartSeconds", line.get("jvmStartMs").asDouble() / 1000);
    m.put("processSeconds", processSeconds);
    m.put("importOverBulkLoad", importSeconds / loadSeconds);
    m.put("importOverBulkProcess", importSeconds / processSeconds);
    progress("    bulk loader: %,d triples in %.1f s (%.1f s with JVM start); import/bulk = %.2f", loaded,
        loadSeconds, processSeconds, importSeconds / loadSeconds);
    if (loaded != escoTriples) {
      m.put("note", "triple counts differ: import " + escoTriples + ", bulk " + loaded);
    }
    targets.add(Target.atMost("import time / Jena bulk loader", importSeconds / loadSeconds, 1.2, "x", "%.2f"));
    return m;
  }

  /**
   * Step 3b: the same questions with the learned scorer, after the transparent one; returns the engine with the
   * model on (for a digest of its answers).
   */
  private static Cairn learned(Options o, LiveCatalog catalog, CatalogSnapshot snapshot,
      List<RequestGenerator.Question> questions, Map<String, Object> results, List<Target> targets) {
    progress("3b/7 the same questions with the learned scorer (%s)", o.model == null
        ? "training a quick skill-value model first" : "model " + o.model);
    ModelForBench model = ModelForBench.obtain(o.model, o.saveModel, o.shared, snapshot, o.seed);
    progress("    model: %s (%.1f s)", model.source(), model.seconds());
    long bind = System.nanoTime();
    Cairn learned = Cairn.over(catalog, model.model());
    double bindSeconds = (System.nanoTime() - bind) / 1e9;
    // the targets with the model on: p50 1 ms, p99 5 ms
    Map<String, Object> measured = recommend(learned, questions, targets, "learned", 1.0, 5.0);
    measured.put("model", model.source());
    measured.put("modelSeconds", model.seconds());
    measured.put("bindSeconds", bindSeconds);
    results.put("recommendationLearned", measured);
    results.put("recommendationScorers", sideBySide(results));
    return learned;
  }

  /** The two scorers' latency next to each other, from the two recommendation steps. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> sideBySide(Map<String, Object> results) {
    Map<String, Object> both = new LinkedHashMap<>();
    for (String step : List.of("recommendation", "recommendationLearned")) {
      Map<String, Object> r = (Map<String, Object>) results.get(step);
      Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) r.get("latency"));
      row.put("meanItems", r.get("meanItems"));
      row.put("emptyLists", r.get("emptyLists"));
      row.put("errors", r.get("errors"));
      both.put(step.equals("recommendation") ? "transparent" : "learned", row);
    }
    both.put("model", ((Map<String, Object>) results.get("recommendationLearned")).get("model"));
    progress("    side by side: %s", both);
    return both;
  }

  static Map<String, Object> recommend(Cairn cairn, List<RequestGenerator.Question> questions, List<Target> targets,
      String scorer, double p50TargetMs, double p99TargetMs) {
    // warm-up: every question, twice, or at most 60 s
    long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int warm = 0;
    for (int pass = 0; pass < 2 && System.nanoTime() < warmDeadline; pass++) {
      for (RequestGenerator.Question q : questions) {
        try {
          cairn.recommend(q.request());
        } catch (RuntimeException e) {
          // counted below
        }
        warm++;
        if (System.nanoTime() >= warmDeadline) {
          break;
        }
      }
    }
    long[] times = new long[questions.size()];
    int errors = 0;
    int empty = 0;
    long items = 0;
    long explained = 0;
    long candidates = 0;
    List<String> errorExamples = new ArrayList<>();
    int occupationGoals = 0;
    for (int i = 0; i < questions.size(); i++) {
      RequestGenerator.Question q = questions.get(i);
      occupationGoals += q.request().goal() instanceof io.cairn.learner.Goal.OccupationGoal ? 1 : 0;
      long t0 = System.nanoTime();
      try {
        RecommendationList list = cairn.recommend(q.request());
        times[i] = System.nanoTime() - t0;
        items += list.items().size();
        empty += list.items().isEmpty() ? 1 : 0;
        candidates += list.candidates();
        explained += list.items().stream().filter(r -> r.explanation() != null).count();
      } catch (RuntimeException e) {
        times[i] = System.nanoTime() - t0;
        errors++;
        if (errorExamples.size() < 3) {
          errorExamples.add(e.toString());
        }
      }
    }
    Stats stats = Stats.of(times);
    Integer[] order = new Integer[times.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(times[b], times[a]));
    List<String> slowest = new ArrayList<>();
    for (int i = 0; i < Math.min(10, order.length); i++) {
      var r = questions.get(order[i]).request();
      String goal = r.goal() instanceof io.cairn.learner.Goal.OccupationGoal g ? "occupation " + g.id()
          : "competencies " + ((io.cairn.learner.Goal.CompetencyGoal) r.goal()).ids().size();
      slowest.add(String.format(Locale.ROOT, "%.2f ms %s, holds %d credentials and %d competencies", times[order[i]]
          / 1e6, goal, r.learner().credentials().size(), r.learner().competencies().size()));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("what", "Cairn.recommend (" + scorer + " scorer, diversity re-ranking, explanations) on the snapshot, "
        + "one call at a time on one thread, after " + warm + " warm-up calls");
    m.put("questions", questions.size());
    m.put("occupationGoals", occupationGoals);
    m.put("competencyGoals", questions.size() - occupationGoals);
    m.put("k", questions.isEmpty() ? 0 : questions.get(0).request().k());
    m.put("latency", stats.toJson());
    m.put("meanItems", items / (double) questions.size());
    m.put("emptyLists", empty);
    m.put("itemsWithExplanation", explained);
    m.put("meanCandidates", candidates / (double) questions.size());
    m.put("errors", errors);
    m.put("errorExamples", errorExamples);
    m.put("slowest", slowest);
    progress("    %s: p50 %.3f ms, p99 %.3f ms, max %.3f ms; %.1f items per list, %d empty, %d errors", scorer, stats.p50Ms(),
        stats.p99Ms(), stats.maxMs(), items / (double) questions.size(), empty, errors);
    String suffix = scorer.equals("transparent") ? "" : ", " + scorer;
    targets.add(Target.atMost("recommendation p50 (in-process" + suffix + ")", stats.p50Ms(), p50TargetMs, "ms", "%.3f"));
    targets.add(Target.atMost("recommendation p99 (in-process" + suffix + ")", stats.p99Ms(), p99TargetMs, "ms", "%.3f"));
    return m;
  }

  private Map<String, Object> sparql(Dataset dataset, List<RequestGenerator.Question> questions,
      Map<String, Object> results, List<Target> targets) {
    SparqlBaseline baseline = new SparqlBaseline(dataset);
    int warmup = Math.min(200, questions.size());
    for (int i = 0; i < warmup; i++) {
      baseline.answer(questions.get(i).sparql());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    List<Long> times = new ArrayList<>();
    long rows = 0;
    int empty = 0;
    for (RequestGenerator.Question q : questions) {
      if (System.nanoTime() > deadline) {
        break;
      }
      long t0 = System.nanoTime();
      List<SparqlBaseline.Row> answer = baseline.answer(q.sparql());
      times.add(System.nanoTime() - t0);
      rows += answer.size();
      empty += answer.isEmpty() ? 1 : 0;
    }
    Stats stats = Stats.of(times.stream().mapToLong(Long::longValue).toArray());
    @SuppressWarnings("unchecked")
    Map<String, Object> reco = (Map<String, Object>) ((Map<String, Object>) results.get("recommendation"))
        .get("latency");
    double ratio = stats.p50Ms() / (Double) reco.get("p50Ms");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("what", "one SPARQL SELECT per question (sparql-occupation.rq / sparql-competencies.rq, values bound in "
        + "the parsed query) on the TDB2 store, union default graph, budget only, top k; after " + warmup
        + " warm-up queries");
    m.put("questions", times.size());
    m.put("latency", stats.toJson());
    m.put("meanRows", times.isEmpty() ? 0 : rows / (double) times.size());
    m.put("emptyAnswers", empty);
    m.put("sparqlOverCairnAtMedian", ratio);
    m.put("sparqlOverCairnAtP99", stats.p99Ms() / (Double) reco.get("p99Ms"));
    progress("    SPARQL p50 %.2f ms, p99 %.2f ms; %.0fx the in-process median", stats.p50Ms(), stats.p99Ms(), ratio);
    targets.add(Target.atLeast("SPARQL p50 / recommendation p50", ratio, 90, "x", "%.1f"));
    return m;
  }

  // ------------------------------------------------------------------ helpers

  /** Seconds (and rows) of each snapshot query of the engine, run alone; slowest first. */
  private static Map<String, Object> snapshotQueries(Dataset dataset) throws IOException {
    java.net.URL any = Bench.class.getClassLoader().getResource("io/cairn/graph/queries/competencies.rq");
    if (any == null) {
      return Map.of();
    }
    List<String> names = new ArrayList<>();
    java.net.URI dir;
    try {
      dir = any.toURI().resolve(".");
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    java.nio.file.FileSystem fs = null;
    try {
      Path folder;
      if ("jar".equals(any.getProtocol())) {
        String s = any.toString();
        fs = java.nio.file.FileSystems.newFileSystem(java.net.URI.create(s.substring(0, s.indexOf("!/"))), Map.of());
        folder = fs.getPath("io/cairn/graph/queries");
      } else {
        folder = Path.of(dir);
      }
      try (var list = Files.list(folder)) {
        list.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".rq")).sorted().forEach(names::add);
      }
    } finally {
      if (fs != null) {
        fs.close();
      }
    }
    // the compiler's queries; the others are per-entity lookups with a bound parameter
    names.removeAll(List.of("describe-entity.rq", "graph-size.rq", "predicate-count.rq"));
    List<Object[]> timings = new ArrayList<>();
    for (String n : names) {
      String text = new String(Bench.class.getClassLoader().getResourceAsStream("io/cairn/graph/queries/" + n)
          .readAllBytes(), StandardCharsets.UTF_8);
      org.apache.jena.query.Query q = org.apache.jena.query.QueryFactory.create(text);
      long t0 = System.nanoTime();
      long rows = Txn.calculateRead(dataset, () -> {
        try (var exec = org.apache.jena.query.QueryExecution.dataset(dataset).query(q)
            .set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true).timeout(120, TimeUnit.SECONDS).build()) {
          long count = 0;
          for (var rs = exec.execSelect(); rs.hasNext(); rs.next()) {
            count++;
          }
          return count;
        }
      });
      timings.add(new Object[] {n.replace(".rq", ""), (System.nanoTime() - t0) / 1e9, rows});
    }
    timings.sort((a, b) -> Double.compare((Double) b[1], (Double) a[1]));
    Map<String, Object> m = new LinkedHashMap<>();
    for (Object[] t : timings) {
      m.put((String) t[0], Map.of("seconds", t[1], "rows", t[2]));
    }
    return m;
  }

  /** Seconds to validate the union of the store's graphs (as GraphStore does) against Cairn's shapes. */
  private static double shaclSeconds(Dataset dataset) {
    org.apache.jena.graph.Graph shapesGraph = org.apache.jena.riot.RDFParser.source(
        Bench.class.getClassLoader().getResourceAsStream("cairn/ontologies/cairn-shapes.ttl")).lang(Lang.TURTLE)
        .toGraph();
    org.apache.jena.shacl.Shapes shapes = org.apache.jena.shacl.Shapes.parse(shapesGraph);
    return Txn.calculateRead(dataset, () -> {
      var union = new org.apache.jena.graph.compose.MultiUnion();
      for (var it = dataset.asDatasetGraph().listGraphNodes(); it.hasNext(); ) {
        Node name = it.next();
        if (!name.getURI().equals("urn:cairn:graph:meta")) {
          union.addGraph(dataset.asDatasetGraph().getGraph(name));
        }
      }
      long t0 = System.nanoTime();
      boolean conforms = org.apache.jena.shacl.ShaclValidator.get().validate(shapes, union).conforms();
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (!conforms) {
        progress("    (the ESCO store does not conform to the shapes?)");
      }
      return seconds;
    });
  }

  private static long totalTriples(Dataset dataset) {
    return Txn.calculateRead(dataset, () -> {
      long n = 0;
      for (var it = dataset.asDatasetGraph().listGraphNodes(); it.hasNext(); ) {
        n += dataset.asDatasetGraph().getGraph(it.next()).size();
      }
      return n;
    });
  }

  static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Shows the import's progress on stderr, a line per finished file. */
  private static final class ImportLog implements ImportProgress {
    long committingAt;

    @Override
    public void rows(String file, long rows, boolean done) {
      if (done) {
        progress("    %-40s %,9d rows", file, rows);
      }
    }

    @Override
    public void committing() {
      if (committingAt == 0) {
        committingAt = System.nanoTime();
      }
      progress("    validating (SHACL) and committing");
    }
  }

  /** Figures about the machine and the run, for the JSON. */
  static final class Machine {
    static Map<String, Object> describe(Path root) {
      Map<String, Object> m = new LinkedHashMap<>();
      Runtime rt = Runtime.getRuntime();
      m.put("cores", rt.availableProcessors());
      m.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name"));
      m.put("memTotal", firstLine(Path.of("/proc/meminfo"), "MemTotal"));
      m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
          + System.getProperty("os.arch"));
      m.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
          + System.getProperty("java.runtime.version"));
      m.put("javaHome", System.getProperty("java.home"));
      m.put("heapMaxMiB", rt.maxMemory() / 1048576.0);
      m.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
          .toList());
      m.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
      m.put("loadAverageAtStart", loadAverage());
      m.put("gitCommit", git(root, "rev-parse", "HEAD"));
      String status = git(root, "status", "--porcelain");
      m.put("gitDirty", status != null && !status.isBlank());
      return m;
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine skews every figure. */
    static String loadAverage() {
      try {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return f[0] + " " + f[1] + " " + f[2];
      } catch (IOException | RuntimeException e) {
        return "";
      }
    }

    private static String firstLine(Path file, String key) {
      try {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
            .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
      } catch (IOException | RuntimeException e) {
        return "";
      }
    }

    private static String git(Path root, String... args) {
      try {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
      } catch (IOException | InterruptedException e) {
        return null;
      }
    }
  }
}
