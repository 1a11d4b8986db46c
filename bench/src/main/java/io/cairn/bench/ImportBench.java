package io.cairn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.LoadReport;
import io.cairn.graph.RdfSource;
import io.cairn.interop.esco.EscoImportReport;
import io.cairn.interop.esco.EscoImporter;
import io.cairn.interop.esco.ImportProgress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The loads, what {@code --import-only} measures: step 1, the ESCO import into a fresh TDB2 store (its snapshot
 * refresh and SHACL validation then repeated alone, to see their share) against Jena's bulk loader, and step 2 up
 * to the load, the generated credentials' SHACL-checked load on top of ESCO.
 */
final class ImportBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BenchOptions o;
  private final Path work;
  private final Timeline timeline;
  private final Map<String, Object> results;
  private final List<Target> targets;
  // ESCO's snapshot, from step 1 for step 2's generator; dropped once used, so that the heap measured after the
  // snapshot build does not hold it
  private CatalogSnapshot escoSnapshot;

  ImportBench(BenchOptions o, Path work, Timeline timeline, Map<String, Object> results, List<Target> targets) {
    this.o = o;
    this.work = work;
    this.timeline = timeline;
    this.results = results;
    this.targets = targets;
  }

  /**
   * Step 1: ESCO imported into {@code catalog}, a fresh store at {@code storeDir}, then Jena's bulk loader on the
   * same triples (unless {@code --skip-bulk}); returns the store as a Jena dataset, for the queries of later steps.
   */
  Dataset importEsco(LiveCatalog catalog, List<Path> archives, Path storeDir) throws Exception {
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
    imp.put("cpuWhat", "CPU time of the importing thread, the one that writes the store (the thread that reads the "
        + "rows, checks and compiles beside it, GC and JIT threads are not counted)");
    imp.put("triples", escoTriples);
    imp.put("triplesPerSecond", escoTriples / (importNanos / 1e9));
    imp.put("reportedDurationSeconds", report.duration().toNanos() / 1e9);
    if (log.committingAt > 0) {
      imp.put("rowsReadSeconds", (log.committingAt - t0) / 1e9);
      imp.put("afterRowsReadSeconds", (t0 + importNanos - log.committingAt) / 1e9);
      imp.put("rowsWhat", "the rows are parsed on a thread of their own, into an in-memory copy that is then "
          + "checked (SHACL) and compiled into the snapshot there, while the transaction's thread still writes the "
          + "triples to TDB2; rowsReadSeconds is when the parsing ended, afterRowsReadSeconds the rest: the writes "
          + "still queued, the check and snapshot beside them, the commit");
    }
    imp.put("rowsPerFile", report.rowsPerFile());
    imp.put("escoVersion", report.version());
    escoSnapshot = catalog.snapshot();
    imp.put("competencies", escoSnapshot.competencies().size());
    imp.put("occupations", escoSnapshot.occupations().size());
    Bench.progress("    %,d triples in %.1f s (%.1f s CPU on this thread; %,.0f triples/s)", escoTriples,
        importNanos / 1e9, importCpuNanos / 1e9, escoTriples / (importNanos / 1e9));
    results.put("import", imp);
    timeline.phase("esco-snapshot-repeat");
    t0 = System.nanoTime();
    new LiveCatalog(catalog.store()).snapshot();
    imp.put("escoSnapshotBuildSeconds", (System.nanoTime() - t0) / 1e9);
    imp.put("escoSnapshotWhat", "a second snapshot build of the ESCO-only store (new LiveCatalog), the part of the "
        + "import that is the snapshot refresh");

    Dataset dataset = TDB2Factory.connectDataset(storeDir.toString());
    timeline.phase("esco-shacl-repeat");
    imp.put("escoShaclValidateSeconds", shaclSeconds(dataset));
    imp.put("escoShaclWhat", "Jena SHACL validation of the whole ESCO store with Cairn's shapes, in a read "
        + "transaction: what the import does before its commit, repeated to see its share");
    if (!o.skipBulk) {
      timeline.phase("export-and-bulk-load");
      results.put("bulkLoader", bulkLoad(dataset, escoTriples, importNanos));
    }
    results.put("heapAfterEscoMiB", Bench.heapAfterGc() / 1048576.0);
    return dataset;
  }

  /**
   * Step 2 up to the load: the seeded credentials generated over ESCO's snapshot, parsed and loaded into the store;
   * returns the figures so far of the results' {@code catalog} section.
   */
  Map<String, Object> loadCredentials(LiveCatalog catalog) {
    Bench.progress("2/7 generating %,d credentials (seed %d) and loading them on top of ESCO", o.credentials,
        o.seed);
    Map<String, Object> cat = new LinkedHashMap<>();
    timeline.phase("generate-and-load-credentials");
    long t0 = System.nanoTime();
    CredentialGenerator.Result generated = new CredentialGenerator(o.seed).generate(escoSnapshot, o.credentials);
    cat.put("generateSeconds", (System.nanoTime() - t0) / 1e9);
    escoSnapshot = null;
    t0 = System.nanoTime();
    RdfSource source = RdfSource.fromText(CredentialGenerator.GRAPH_NAME, generated.turtle(), Lang.TURTLE);
    cat.put("parseSeconds", (System.nanoTime() - t0) / 1e9);
    cat.put("generated", generated.toJson());
    generated = null;
    t0 = System.nanoTime();
    long cpu0 = threadCpuNanos();
    LoadReport load = catalog.store().load(List.of(source));
    long loadNanos = System.nanoTime() - t0;
    cat.put("loadCpuSeconds", (threadCpuNanos() - cpu0) / 1e9);
    cat.put("loadSeconds", loadNanos / 1e9);
    cat.put("loadWhat", "GraphStore.load: SHACL validation of the nodes the new graph adds to, against the store "
        + "with it, then the write, one transaction");
    cat.put("credentialTriples", load.triples());
    Bench.progress("    loaded %,d triples in %.1f s (%.1f s CPU on this thread; validation included)",
        load.triples(), loadNanos / 1e9, (Double) cat.get("loadCpuSeconds"));
    return cat;
  }

  /**
   * The ESCO graph exported as N-Triples and loaded by Jena's bulk loader in a fresh JVM ({@link BulkLoad}): the
   * import's reference, with the import's time over the loader's as the target.
   */
  private Map<String, Object> bulkLoad(Dataset dataset, long escoTriples, long importNanos) throws Exception {
    Path nt = work.resolve("esco.nt");
    Bench.progress("    exporting the ESCO graph as N-Triples to %s", nt);
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
    Bench.progress("    Jena's bulk loader (phased, as tdb2.tdbloader on an empty store) in a fresh JVM");
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
    Bench.progress("    bulk loader: %,d triples in %.1f s (%.1f s with JVM start); import/bulk = %.2f", loaded,
        loadSeconds, processSeconds, importSeconds / loadSeconds);
    if (loaded != escoTriples) {
      m.put("note", "triple counts differ: import " + escoTriples + ", bulk " + loaded);
    }
    targets.add(Target.atMost("import time / Jena bulk loader", importSeconds / loadSeconds, 1.2, "x", "%.2f"));
    return m;
  }

  /** Seconds to validate the union of the store's graphs (as GraphStore does) against Cairn's shapes. */
  private static double shaclSeconds(Dataset dataset) {
    org.apache.jena.graph.Graph shapesGraph = org.apache.jena.riot.RDFParser.source(
        ImportBench.class.getClassLoader().getResourceAsStream("cairn/ontologies/cairn-shapes.ttl")).lang(Lang.TURTLE)
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
        Bench.progress("    (the ESCO store does not conform to the shapes?)");
      }
      return seconds;
    });
  }

  /** Triples in all the store's graphs. */
  static long totalTriples(Dataset dataset) {
    return Txn.calculateRead(dataset, () -> {
      long n = 0;
      for (var it = dataset.asDatasetGraph().listGraphNodes(); it.hasNext(); ) {
        n += dataset.asDatasetGraph().getGraph(it.next()).size();
      }
      return n;
    });
  }

  /** CPU time of this thread, the figure a busy shared machine moves least. */
  private static long threadCpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** Shows the import's progress on stderr, a line per finished file. */
  private static final class ImportLog implements ImportProgress {
    volatile long committingAt;

    @Override
    public void rows(String file, long rows, boolean done) {
      if (done) {
        Bench.progress("    %-40s %,9d rows", file, rows);
      }
    }

    @Override
    public void committing() {
      if (committingAt == 0) {
        committingAt = System.nanoTime();
      }
      Bench.progress("    every row read; SHACL check and snapshot beside the last writes, then the commit");
    }
  }
}
