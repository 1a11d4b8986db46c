package io.cairn.bench;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.SnapshotCodec;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.PersistedSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A restart with and without the persisted snapshot, on a kept store ({@code bin/bench --snapshot-only --store
 * DIR}; it writes the snapshot file into DIR, so give it a copy of a store you want left alone): the snapshot
 * compiled from the graph (the store opened afresh each time), compiled and written, and loaded from the file
 * (store opened afresh, key checked, file read, checked and decoded, lookups derived). The answers of the loaded
 * snapshot are digested beside the compiled one's: equal digests, equal answers.
 */
final class SnapshotBench {
  private static final int BUILDS = 2;
  private static final int LOADS = 5;

  private SnapshotBench() {}

  static Map<String, Object> run(Path storeDir, List<RequestGenerator.Question> questions, List<Target> targets) {
    Path file = PersistedSnapshot.fileFor(storeDir, null);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("what", "restart of a TDB2 store: GraphStore.onDisk then LiveCatalog compiling the snapshot from the graph,"
        + " or LiveCatalog loading it from " + PersistedSnapshot.FILE_NAME + " (key checked, CRC, decode, lookups"
        + " derived); medians of " + BUILDS + " compiles and " + LOADS + " loads");
    List<Double> opens = new ArrayList<>();
    List<Double> builds = new ArrayList<>();
    String builtDigest = null;
    for (int i = 0; i < BUILDS; i++) {
      long t0 = System.nanoTime();
      GraphStore store = GraphStore.onDisk(storeDir);
      long t1 = System.nanoTime();
      try (LiveCatalog catalog = new LiveCatalog(store)) {
        long t2 = System.nanoTime();
        opens.add((t1 - t0) / 1e9);
        builds.add((t2 - t1) / 1e9);
        Bench.progress("    compile %d/%d: %.2f s (store opened in %.2f s)", i + 1, BUILDS, (t2 - t1) / 1e9,
            (t1 - t0) / 1e9);
        if (builtDigest == null) {
          builtDigest = AnswerDigest.of(Cairn.over(catalog), questions);
          m.put("credentials", catalog.snapshot().credentials().size());
          m.put("competencies", catalog.snapshot().competencies().size());
          m.put("codecInMemory", codecInMemory(catalog.snapshot()));
        }
      }
    }
    try {
      Files.deleteIfExists(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    long w0 = System.nanoTime();
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.onDisk(storeDir), PersistedSnapshot.at(file))) {
      m.put("compileAndWriteSeconds", (System.nanoTime() - w0) / 1e9);
      m.put("snapshotVersion", catalog.snapshot().version());
    }
    List<Double> loads = new ArrayList<>();
    String loadedDigest = null;
    for (int i = 0; i < LOADS; i++) {
      long t0 = System.nanoTime();
      GraphStore store = GraphStore.onDisk(storeDir);
      long t1 = System.nanoTime();
      try (LiveCatalog catalog = new LiveCatalog(store, PersistedSnapshot.at(file))) {
        long t2 = System.nanoTime();
        opens.add((t1 - t0) / 1e9);
        loads.add((t2 - t1) / 1e9);
        Bench.progress("    load %d/%d: %.3f s (store opened in %.2f s)", i + 1, LOADS, (t2 - t1) / 1e9,
            (t1 - t0) / 1e9);
        if (loadedDigest == null) {
          loadedDigest = AnswerDigest.of(Cairn.over(catalog), questions);
        }
      }
    }
    double build = median(builds);
    double load = median(loads);
    m.put("compileSeconds", builds);
    m.put("loadSeconds", loads);
    m.put("storeOpenSeconds", opens);
    m.put("compileMedianSeconds", build);
    m.put("loadMedianSeconds", load);
    m.put("loadToCompile", load / build);
    try {
      m.put("fileMiB", Files.size(file) / 1048576.0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    m.put("answersDigestCompiled", builtDigest);
    m.put("answersDigestLoaded", loadedDigest);
    m.put("answersEqual", builtDigest.equals(loadedDigest));
    Bench.progress("    compile %.2f s, load %.3f s (%.1f%% of it), file %.1f MiB, answers %s", build, load,
        100 * load / build, (Double) m.get("fileMiB"), builtDigest.equals(loadedDigest) ? "equal" : "DIFFERENT");
    targets.add(Target.atMost("snapshot compile on restart", build, 5, "s", "%.2f"));
    targets.add(Target.atMost("persisted snapshot load on restart", load, 1, "s", "%.3f"));
    targets.add(Target.atMost("loaded snapshot answers differ", builtDigest.equals(loadedDigest) ? 0 : 1, 0, "",
        "%.0f"));
    return m;
  }

  /** Encoding and decoding alone, in memory: what the load costs besides the key, the file and its checksum. */
  private static Map<String, Object> codecInMemory(CatalogSnapshot snapshot) {
    try {
      long t0 = System.nanoTime();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 24);
      SnapshotCodec.write(snapshot, new DataOutputStream(bytes));
      byte[] encoded = bytes.toByteArray();
      long t1 = System.nanoTime();
      SnapshotCodec.read(ByteBuffer.wrap(encoded));
      long t2 = System.nanoTime();
      SnapshotCodec.read(ByteBuffer.wrap(encoded));
      long t3 = System.nanoTime();
      return Map.of("encodeSeconds", (t1 - t0) / 1e9, "decodeSeconds", (t2 - t1) / 1e9,
          "decodeAgainSeconds", (t3 - t2) / 1e9, "bytes", encoded.length);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
