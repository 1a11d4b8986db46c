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
import io.cairn.search.LabelSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.riot.Lang;

/**
 * {@code bin/bench --scale} (issue 18): how the catalog holds at registry scale. One TDB2 store on disk: full ESCO
 * imported once, then the seeded generator's credentials added in batches (each batch its own SHACL-checked source,
 * as {@code cairn load} would add it) until the store holds each size in turn; at every size the snapshot is rebuilt
 * and measured (build time, heap after GC, size on disk, recommendation, planner and search latency). Writes
 * {@code bench-results/scale-<timestamp>.json} after every size (a long run that dies keeps what it measured) and
 * {@code latest-scale.json} at the end; {@link ScaleTable} prints the curve with the targets at a million.
 */
final class ScaleBench {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ScaleOptions o;
  private final List<Target> scratch = new ArrayList<>();

  private ScaleBench(ScaleOptions o) {
    this.o = o;
  }

  /** Parses the options and runs; the process's exit status. */
  static int main(String[] args) throws Exception {
    ScaleOptions options;
    try {
      options = ScaleOptions.parse(args);
    } catch (RuntimeException e) {
      System.err.println("bench: " + e.getMessage());
      return 2;
    }
    return new ScaleBench(options).run();
  }

  private int run() throws Exception {
    BenchOptions common = o.common();
    List<Path> archives = BenchStore.escoArchives(common.shared);
    for (Path archive : archives) {
      if (!Files.isRegularFile(archive)) {
        System.err.println("bench: missing " + archive + "; point --shared (or CAIRN_SHARED) at the shared data");
        return 2;
      }
    }
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC));
    Path work = common.work == null ? Files.createTempDirectory("cairn-scale-")
        : Files.createDirectories(common.work.resolve("cairn-scale-" + stamp));
    Path storeDir = work.resolve("tdb2-cairn");
    Path file = common.out.resolve("scale-" + stamp + ".json");
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("schema", "cairn-bench-scale/1");
    results.put("startedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC)));
    results.put("options", o.toJson());
    results.put("machine", Machine.describe(common.root));
    List<Map<String, Object>> steps = new ArrayList<>();
    results.put("steps", steps);
    int status = 0;
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.onDisk(storeDir))) {
      Bench.progress("scale: ESCO into a fresh TDB2 store at %s (once; every size grows this store)", storeDir);
      long t0 = System.nanoTime();
      EscoImportReport report = new EscoImporter(Clock.systemUTC()).importInto(catalog, archives,
          EscoImporter.Options.defaults(), ImportProgress.silent());
      Map<String, Object> esco = new LinkedHashMap<>();
      esco.put("importSeconds", (System.nanoTime() - t0) / 1e9);
      esco.put("triples", report.triples());
      esco.put("competencies", catalog.snapshot().competencies().size());
      esco.put("occupations", catalog.snapshot().occupations().size());
      esco.put("heapUsedAfterGcMiB", Bench.heapAfterGc() / 1048576.0);
      esco.put("tdb2Bytes", bytesUnder(storeDir));
      results.put("esco", esco);
      Bench.progress("    %,d triples in %.1f s; heap after GC %.0f MiB", report.triples(),
          (Double) esco.get("importSeconds"), (Double) esco.get("heapUsedAfterGcMiB"));
      int largest = o.sizes()[o.sizes().length - 1];
      // one catalog of the largest size, handed out in batches: each size is the first N credentials of it
      CredentialGenerator.Batches batches = new CredentialGenerator(common.seed).batches(catalog.snapshot(), largest);
      Growing growing = new Growing();
      for (int size : o.sizes()) {
        steps.add(step(catalog, batches, size, storeDir, growing));
        writeJson(file, results);
      }
      results.put("generated", batches.summary("").toJson());
    } catch (Exception | OutOfMemoryError e) {
      Bench.progress("FAILED: %s", e);
      e.printStackTrace();
      results.put("error", e.toString());
      status = 1;
    } finally {
      if (common.keep) {
        Bench.progress("kept %s", work);
      } else {
        Bench.deleteTree(work);
      }
    }
    List<Target> targets = ScaleTable.targets(steps);
    results.put("growth", ScaleTable.growth(steps));
    results.put("targets", targets.stream().map(Target::toJson).toList());
    results.put("finishedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC)));
    @SuppressWarnings("unchecked")
    Map<String, Object> machine = (Map<String, Object>) results.get("machine");
    Machine.atEnd(machine);
    writeJson(file, results);
    Files.copy(file, common.out.resolve("latest-scale.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    System.out.println(ScaleTable.render(results, targets));
    System.out.println("JSON: " + file);
    return status;
  }

  /** What the run has added so far, across sizes. */
  private static final class Growing {
    double loadSeconds;
    long triples;
  }

  /** Grows the store to {@code size} credentials, rebuilds the snapshot and measures it. */
  private Map<String, Object> step(LiveCatalog catalog, CredentialGenerator.Batches batches, int size, Path storeDir,
      Growing growing) throws IOException {
    int from = batches.handedOut();
    int cuts = Math.max(1, (int) Math.ceil((size - from) / (double) o.batch()));
    Bench.progress("scale %,d: adding credentials %,d to %,d in %d batch(es), each loaded as its own source (SHACL "
        + "and chain checks included)", size, from + 1, size, cuts);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("size", size);
    List<Map<String, Object>> rows = new ArrayList<>();
    double stepSeconds = 0;
    for (int c = 1; c <= cuts; c++) {
      int upTo = from + (int) ((size - from) * (long) c / cuts);
      Map<String, Object> row = loadBatch(catalog.store(), batches, upTo, c == cuts, growing);
      stepSeconds += (Double) row.get("seconds");
      rows.add(row);
    }
    growing.loadSeconds += stepSeconds;
    m.put("loadStepSeconds", stepSeconds);
    m.put("loadCumulativeSeconds", growing.loadSeconds);
    m.put("credentialTriples", growing.triples);
    m.put("batches", rows);
    m.put("loadWhat", "per batch: generate its Turtle, parse it (RdfSource.fromText) and GraphStore.load it as a new "
        + "source (chain checks from the nodes it links and those upstream of them, SHACL on the nodes it adds, the "
        + "write, one transaction); "
        + "seconds = generate + parse + load. validateSeconds (last batch of each size only): the same checks alone, "
        + "GraphStore.validate in a read transaction just before that batch's load");

    m.put("wholeStoreCheckSeconds", wholeStoreCheck(catalog.store()));
    m.put("wholeStoreCheckWhat", "GraphStore.validate of a one-triple source no shape targets: the part of every "
        + "load's checks that does not depend on what it adds (a load that only adds has its chains checked from "
        + "what it touches, so this stays near zero as the store grows)");

    long t0 = System.nanoTime();
    CatalogSnapshot snapshot = catalog.refresh();
    double build = (System.nanoTime() - t0) / 1e9;
    m.put("snapshotBuildSeconds", build);
    m.put("credentials", snapshot.credentials().size());
    m.put("competencies", snapshot.competencies().size());
    double heapMiB = Bench.heapAfterGc() / 1048576.0;
    m.put("heapUsedAfterGcMiB", heapMiB);
    m.put("heapWhat", "heap used after full GCs, the store open and the snapshot built, before the recommender, the "
        + "planner and the label index are made; it includes the generator's state (the ESCO-only snapshot it draws "
        + "skills from, the ids of certificates later credentials may stack into)");
    long disk = bytesUnder(storeDir);
    m.put("tdb2Bytes", disk);
    Bench.progress("    snapshot of %,d credentials in %.2f s; heap after GC %.0f MiB; TDB2 %.2f GiB on disk",
        snapshot.credentials().size(), build, heapMiB, disk / 1073741824.0);

    Cairn cairn = Cairn.over(catalog);
    Bench.progress("    recommendation: %d learner/goal pairs, transparent scorer", o.requests());
    List<RequestGenerator.Question> questions = new RequestGenerator(snapshot, o.common().seed + 1)
        .questions(o.requests(), o.common().k);
    m.put("recommendation", RecommendationBench.recommend(cairn, questions, scratch, "transparent", 0.1, 0.5));
    if (!o.skipPlan()) {
      Bench.progress("    planner: %d learners", o.planLearners());
      Map<String, Object> plan = new PlanBench(snapshot, o.common().shared, o.common().planTimeLimit)
          .run(o.planLearners(), o.common().seed + 3, scratch);
      plan.remove("perLearner");
      plan.remove("valueByBudget");
      m.put("planner", plan);
    }
    Bench.progress("    label search: the index, then %d queries", o.searchQueries());
    t0 = System.nanoTime();
    LabelSearch search = cairn.labelSearch(snapshot);
    double index = (System.nanoTime() - t0) / 1e9;
    Map<String, Object> s = SearchBench.run(search, SearchBench.queries(snapshot, o.searchQueries(),
        o.common().seed + 2), 10);
    s.put("indexBuildSeconds", index);
    s.remove("examples");
    m.put("search", s);
    m.put("loadAverage", Machine.loadAverage());
    scratch.clear();
    return m;
  }

  /** Generates, parses and loads the credentials up to {@code upTo} as one new source. */
  private Map<String, Object> loadBatch(GraphStore store, CredentialGenerator.Batches batches, int upTo,
      boolean probe, Growing growing) {
    long t0 = System.nanoTime();
    CredentialGenerator.Batch batch = batches.next(upTo);
    double generate = (System.nanoTime() - t0) / 1e9;
    String name = String.format(java.util.Locale.ROOT, "bench-credentials-%05d.ttl", batch.index());
    t0 = System.nanoTime();
    RdfSource source = RdfSource.fromText(name, batch.turtle(), Lang.TURTLE);
    double parse = (System.nanoTime() - t0) / 1e9;
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("batch", batch.index());
    row.put("first", batch.first());
    row.put("last", batch.last());
    row.put("credentials", batch.size());
    row.put("turtleChars", batch.turtle().length());
    batch = null;
    row.put("generateSeconds", generate);
    row.put("parseSeconds", parse);
    if (probe) {
      t0 = System.nanoTime();
      int findings = store.validate(List.of(source)).size();
      row.put("validateSeconds", (System.nanoTime() - t0) / 1e9);
      row.put("validateFindings", findings);
    }
    t0 = System.nanoTime();
    LoadReport report = store.load(List.of(source));
    double load = (System.nanoTime() - t0) / 1e9;
    growing.triples += report.triples();
    row.put("triples", report.triples());
    row.put("loadSeconds", load);
    row.put("seconds", generate + parse + load);
    row.put("storeCredentialTriplesAfter", growing.triples);
    Object validate = row.get("validateSeconds");
    Bench.progress("    %,9d-%,9d: generate %.1f s, parse %.1f s, load %.1f s (%,d triples%s); load average %s",
        (Integer) row.get("first"), (Integer) row.get("last"), generate, parse, load, report.triples(),
        validate == null ? "" : String.format(java.util.Locale.ROOT, "; the checks alone %.1f s", (Double) validate),
        Machine.loadAverage());
    return row;
  }

  /** Seconds to check a source that adds one triple about a node no shape targets: the per-load fixed cost. */
  private static double wholeStoreCheck(GraphStore store) {
    RdfSource probe = RdfSource.fromText("bench-check-probe.ttl",
        "<urn:cairn:bench:probe> <urn:cairn:bench:says> \"nothing a shape targets\" .", Lang.TURTLE);
    long t0 = System.nanoTime();
    store.validate(List.of(probe));
    double seconds = (System.nanoTime() - t0) / 1e9;
    Bench.progress("    the checks of a one-triple load on this store: %.2f s", seconds);
    return seconds;
  }

  private static void writeJson(Path file, Map<String, Object> results) throws IOException {
    Files.createDirectories(file.getParent());
    JSON.writeValue(file.toFile(), results);
  }

  /** Bytes of the files under {@code dir} (their length: TDB2's data files are allocated as they grow). */
  static long bytesUnder(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }
}
