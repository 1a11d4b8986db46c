package io.cairn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;

/**
 * SPARQL timed on the TDB2 store: step 4, the recommendation questions answered by one query each
 * ({@link SparqlBaseline}) against the in-process recommender's latency, and the engine's snapshot queries run one
 * by one, to show where the snapshot build's time goes.
 */
final class SparqlBench {
  private SparqlBench() {}

  /** Step 4: the same questions as step 3, one SPARQL query each; compared with the in-process median. */
  static Map<String, Object> baseline(Dataset dataset, List<RequestGenerator.Question> questions,
      Map<String, Object> results, List<Target> targets) {
    SparqlBaseline baseline = new SparqlBaseline(dataset);
    // warmed as long as the in-process path's 20,000 calls take (about 5 s), so that both are timed compiled;
    // at least 200 queries, as before
    long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    int warmup = 0;
    while (!questions.isEmpty() && (warmup < 200 || System.nanoTime() < warmEnd)) {
      baseline.answer(questions.get(warmup % questions.size()).sparql());
      warmup++;
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
    Bench.progress("    SPARQL p50 %.2f ms, p99 %.2f ms; %.0fx the in-process median", stats.p50Ms(), stats.p99Ms(),
        ratio);
    targets.add(Target.atLeast("SPARQL p50 / recommendation p50", ratio, 90, "x", "%.1f"));
    return m;
  }

  /** Seconds (and rows) of each snapshot query of the engine, run alone; slowest first. */
  static Map<String, Object> snapshotQueries(Dataset dataset) throws IOException {
    java.net.URL any = SparqlBench.class.getClassLoader().getResource("io/cairn/graph/queries/competencies.rq");
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
      String text = new String(SparqlBench.class.getClassLoader().getResourceAsStream("io/cairn/graph/queries/" + n)
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
}
