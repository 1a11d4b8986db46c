package io.cairn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.interop.esco.EscoImporter;
import io.cairn.interop.esco.ImportProgress;
import io.cairn.search.LabelSearch;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import org.apache.jena.query.Dataset;

/**
 * Cairn's performance harness (benchmarks, not tests): ESCO import against Jena's bulk loader, snapshot build and
 * heap with a generated catalog of 20,000 credentials, in-process recommendation latency against a
 * SPARQL-per-request baseline, HTTP throughput and label search latency. Prints a table with each figure next
 * to its target and writes everything to {@code bench-results/bench-<timestamp>.json} (and {@code latest.json}).
 * Run it with {@code bin/bench} ({@code bin/bench --help}).
 *
 * <p>This class runs the steps in order (or the one a {@code --*-only} flag asks for), keeps their timeline and
 * writes the JSON and the table; most steps' measurements are in {@link ImportBench}, {@link RecommendationBench},
 * {@link SparqlBench} and the other {@code *Bench} classes, the options in {@link BenchOptions}.
 */
public final class Bench {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final long START = System.nanoTime();

  private final Timeline timeline = new Timeline();

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (ScaleOptions.wanted(args)) {
      System.exit(ScaleBench.main(args));
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
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

  private int run(BenchOptions o) throws Exception {
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
        results.put("recommendation",
            RecommendationBench.recommend(cairn, questions, targets, "transparent", 0.1, 0.5));
        String digest = AnswerDigest.of(cairn, questions);
        progress("    answers digest (SHA-256 of every answer, whole): %s", digest);
        results.put("answersDigest", digest);
        if (!o.noModel) {
          Cairn learned = RecommendationBench.learned(o, catalog, catalog.snapshot(), questions, results, targets);
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
      timeline.phase("import");
      catalog = new LiveCatalog(GraphStore.onDisk(storeDir));
      ImportBench imports = new ImportBench(o, work, timeline, results, targets);
      Dataset dataset = imports.importEsco(catalog, archives, storeDir);

      // ------------------------------------------------------------------ 2. generated catalog, snapshot, heap
      Map<String, Object> cat = imports.loadCredentials(catalog);
      if (o.importOnly) {
        results.put("catalog", cat);
        break steps;
      }
      timeline.phase("snapshot-build");
      long t0 = System.nanoTime();
      CatalogSnapshot snapshot = catalog.refresh();
      long snapshotNanos = System.nanoTime() - t0;
      cat.put("snapshotBuildSeconds", snapshotNanos / 1e9);
      cat.put("snapshotWhat", "LiveCatalog.refresh after the load: compile the store (ESCO + credentials) into the "
          + "int-indexed snapshot");
      timeline.phase("snapshot-build-repeat");
      t0 = System.nanoTime();
      new LiveCatalog(catalog.store()).snapshot();
      cat.put("snapshotBuildSecondsRepeat", (System.nanoTime() - t0) / 1e9);
      timeline.phase("snapshot-queries");
      cat.put("snapshotQuerySeconds", SparqlBench.snapshotQueries(dataset));
      cat.put("snapshotQueriesWhat", "each SELECT of the engine's io/cairn/graph/queries (those the snapshot "
          + "compiler runs) timed alone over the union default graph, all rows read: where the build's time goes");
      timeline.phase("heap");
      cat.put("storeTriples", ImportBench.totalTriples(dataset));
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
      timeline.phase("recommendation");
      progress("3/7 recommendation latency in-process: %d learner/goal pairs, k=%d", questions.size(), o.k);
      results.put("recommendation", RecommendationBench.recommend(cairn, questions, targets, "transparent", 0.1, 0.5));
      if (!o.noModel) {
        timeline.phase("recommendation-learned");
        RecommendationBench.learned(o, catalog, snapshot, questions, results, targets);
      }

      // ------------------------------------------------------------------ 4. SPARQL per request
      timeline.phase("sparql-baseline");
      progress("4/7 the same questions, one SPARQL query each on the TDB2 store");
      results.put("sparqlBaseline", SparqlBench.baseline(dataset, questions, results, targets));

      // ------------------------------------------------------------------ 5. HTTP
      if (!o.skipHttp) {
        timeline.phase("http");
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
        timeline.phase("soak");
        progress("7 soak: %d s of mixed reads at %d connections with %d slow uploads open", o.soakSeconds,
            o.connections, o.slowConnections);
        soak(o, cairn, questions, work, results, targets);
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
  private void finish(BenchOptions o, String name, String latest, Map<String, Object> results, List<Target> targets)
      throws IOException {
    timeline.phase(null);
    results.put("timeline", timeline.phases());
    @SuppressWarnings("unchecked")
    Map<String, Object> machine = (Map<String, Object>) results.get("machine");
    Machine.atEnd(machine);
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
  private void planner(BenchOptions o, CatalogSnapshot snapshot, String step, Map<String, Object> results,
      List<Target> targets) {
    timeline.phase("planner");
    progress("%splanner: %d seeded learners, each planned four ways (cost at reach 1.0 and 0.8, the interactive "
        + "request, value)", step, o.planLearners);
    results.put("planner", new PlanBench(snapshot, o.shared, o.planTimeLimit).run(o.planLearners, o.seed + 3,
        targets));
  }

  /**
   * The label search step: the index built, then the seeded queries timed {@code passes} times over; the first
   * pass is the target's figure, the later ones are kept to show the run's noise.
   */
  private void search(BenchOptions o, Cairn cairn, CatalogSnapshot snapshot, int passes, Map<String, Object> results,
      List<Target> targets) {
    timeline.phase("search");
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
  private int searchOnly(BenchOptions o, Path work, Map<String, Object> results, List<Target> targets, String fileName,
      String latestName) throws Exception {
    if (o.store != null) {
      return onStoreOnly(o, work, "search", results, targets,
          catalog -> search(o, Cairn.over(catalog), catalog.snapshot(), o.searchPasses, results, targets),
          fileName, latestName);
    }
    int status = 0;
    progress("search only: ESCO imported into memory");
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      timeline.phase("import");
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
  private void analytics(BenchOptions o, CatalogSnapshot snapshot, Map<String, Object> results,
      List<Target> targets) {
    timeline.phase("analytics");
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
  private int onStoreOnly(BenchOptions o, Path work, String what, Map<String, Object> results, List<Target> targets,
      StoreStep step, String fileName, String latestName) throws Exception {
    return onStoreOnly(o, work, what, results, targets, step, storeDir -> { }, fileName, latestName);
  }

  private int onStoreOnly(BenchOptions o, Path work, String what, Map<String, Object> results, List<Target> targets,
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

  private void http(BenchOptions o, Cairn cairn, List<RequestGenerator.Question> questions, Path work,
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

  /** Step 7: the soak (issue 16), mixed reads while slow clients trickle request bodies. */
  private void soak(BenchOptions o, Cairn cairn, List<RequestGenerator.Question> questions, Path work,
      Map<String, Object> results, List<Target> targets) throws Exception {
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
}
