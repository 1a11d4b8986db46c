package io.cairn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table the bench prints: each figure, its target from issue 6, the verdict and the reference. */
final class Table {
  private Table() {}

  static String render(Map<String, Object> r, List<Target> targets) {
    List<String[]> rows = new ArrayList<>();
    Map<String, Object> machine = map(r, "machine");
    String commit = String.valueOf(machine.get("gitCommit"));
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%nCairn bench, %s: %s cores (load average %s at start, %s at end), %s, "
        + "heap max %.1f GiB, commit %s%s%s%n",
        r.get("startedAt"), machine.get("cores"), machine.get("loadAverageAtStart"), machine.get("loadAverageAtEnd"),
        machine.get("jdk"),
        ((Number) machine.get("heapMaxMiB")).doubleValue() / 1024,
        commit.length() > 10 ? commit.substring(0, 10) : commit,
        Boolean.TRUE.equals(machine.get("gitDirty")) ? " (+ uncommitted changes)" : "",
        Boolean.TRUE.equals(map(r, "options").get("quick")) ? "  [QUICK RUN: not the real figures]" : ""));
    out.append(Machine.hostSpeedLine(machine));

    Map<String, Object> imp = map(r, "import");
    if (imp != null) {
      section(rows, "ESCO import into TDB2");
      rows.add(row("EscoImporter, fresh TDB2 store", f("%.1f s, %,d triples, %,.0f triples/s", imp.get("seconds"),
          imp.get("triples"), imp.get("triplesPerSecond")), "", "", ""));
      if (imp.containsKey("rowsReadSeconds")) {
        rows.add(row("  rows parsed (own thread) by", f("%.1f s; writes, SHACL and snapshot beside them, commit: %.1f s",
            imp.get("rowsReadSeconds"), imp.get("afterRowsReadSeconds")), "", "", ""));
        rows.add(row("  (alone: ESCO snapshot build / SHACL)", f("%.1f s / %.1f s", imp.get("escoSnapshotBuildSeconds"),
            imp.get("escoShaclValidateSeconds")), "", "", ""));
      }
      Map<String, Object> bulk = map(r, "bulkLoader");
      if (bulk != null) {
        rows.add(row("Jena bulk loader (phased), same triples", f("%.1f s (%.1f s with JVM start), %,.0f triples/s",
            bulk.get("loadSeconds"), bulk.get("processSeconds"), bulk.get("triplesPerSecond")), "", "",
            "576k triples (ESCO + 20k credentials) ~10 s incl. JVM"));
        target(rows, targets, "import time / Jena bulk loader", "");
      }
    }
    Map<String, Object> cat = map(r, "catalog");
    if (cat != null) {
      section(rows, "Catalog: ESCO + " + map(cat, "generated").get("credentials") + " generated credentials");
      rows.add(row("credentials: parse + SHACL-checked load", f("%.1f s + %.1f s, %,d triples", cat.get("parseSeconds"),
          cat.get("loadSeconds"), cat.get("credentialTriples")), "", "", ""));
      target(rows, targets, "snapshot build (ESCO + credentials)", "");
      Map<String, Object> queries = map(cat, "snapshotQuerySeconds");
      if (queries != null && !queries.isEmpty()) {
        StringBuilder slow = new StringBuilder();
        double total = 0;
        int shown = 0;
        for (var e : queries.entrySet()) {
          @SuppressWarnings("unchecked")
          double sec = ((Number) ((Map<String, Object>) e.getValue()).get("seconds")).doubleValue();
          total += sec;
          if (shown++ < 3) {
            slow.append(slow.length() == 0 ? "" : ", ").append(e.getKey()).append(f(" %.1f s", sec));
          }
        }
        rows.add(row("  its queries alone (sum; slowest)", f("%.1f s; ", total) + slow, "", "", ""));
      }
      target(rows, targets, "heap after GC", "");
    }
    Map<String, Object> reco = map(r, "recommendation");
    if (reco != null) {
      Map<String, Object> lat = map(reco, "latency");
      section(rows, "Recommendation, " + reco.get("questions") + " learner/goal pairs, k=" + reco.get("k")
          + ", explanations included");
      target(rows, targets, "recommendation p50 (in-process)", "inverted index of int arrays ~0.01 ms");
      target(rows, targets, "recommendation p99 (in-process)", "");
      rows.add(row("recommendation max", f("%.3f ms", lat.get("maxMs")), "", "", ""));
      rows.add(row("mean items per list / empty lists", f("%.1f / %d", reco.get("meanItems"), reco.get("emptyLists")),
          "", "", ""));
    }
    if (map(r, "recommendationLearned") != null) {
      // the same questions with the learned scorer (issue 7's targets: 1 ms and 5 ms)
      target(rows, targets, "recommendation p50 (in-process, learned)", "");
      target(rows, targets, "recommendation p99 (in-process, learned)", "");
    }
    Map<String, Object> sparql = map(r, "sparqlBaseline");
    if (sparql != null) {
      Map<String, Object> lat = map(sparql, "latency");
      rows.add(row("SPARQL per request p50 / p99", f("%.2f ms / %.2f ms", lat.get("p50Ms"), lat.get("p99Ms")), "", "",
          "~9 ms / ~33 ms"));
      target(rows, targets, "SPARQL p50 / recommendation p50", "");
    }
    Map<String, Object> http = map(r, "http");
    if (http != null) {
      section(rows, "HTTP POST /api/recommendations, " + http.get("connections") + " connections, "
          + f("%.0f s", http.get("seconds")) + " (" + String.valueOf(http.get("loadGenerator")).split(" ")[0] + ")");
      target(rows, targets, "HTTP requests/s (" + http.get("connections") + " connections)",
          "bare Javalin 7 JSON handler ~24,000 req/s");
      target(rows, targets, "HTTP errors (non-2xx + socket)", "");
      rows.add(row("HTTP latency p50 / p99", f("%.2f ms / %.2f ms", http.get("latencyP50Ms"), http.get("latencyP99Ms")),
          "", "", ""));
      Map<String, Object> warmup = map(http, "warmup");
      if (warmup != null) {
        rows.add(row("  warm-up until the JIT settles", f("%s s; JIT %s ms in its last round, %s ms while measured",
            warmup.get("seconds"), warmup.get("compilationMillisLastRound"),
            warmup.get("compilationMillisDuringMeasurement")), "", "", ""));
      }
      Map<String, Object> ceiling = map(http, "ceiling");
      // a JSON from before the ceiling was loaded on both sides of Cairn's load has only the one after it
      Map<String, Object> before = map(http, "ceilingBefore");
      if (ceiling != null) {
        rows.add(row("  ceiling: bare Javalin replaying Cairn's answers", before == null
            ? f("%,.0f req/s, %.0f bytes per answer", ceiling.get("requestsPerSecond"), http.get("meanResponseBytes"))
            : f("%,.0f req/s before Cairn's load, %,.0f after (mean %,.0f), %.0f bytes per answer",
                before.get("requestsPerSecond"), ceiling.get("requestsPerSecond"), http.get("ceilingRequestsPerSecond"),
                http.get("meanResponseBytes")), "", "", ""));
        if (http.get("meanFullResponseBytes") != null) {
          rows.add(row("  answer bytes: compact (measured) / ?explain=full", f("%.0f / %.0f",
              http.get("meanResponseBytes"), http.get("meanFullResponseBytes")), "", "", ""));
        }
        target(rows, targets, "HTTP share of the ceiling (same run)", "");
      }
      cpuRow(rows, "  CPU per request: server / the rest (wrk, kernel)", map(http, "cpu"));
      if (before != null) {
        cpuRow(rows, "  CPU per request, ceiling before: server / the rest", map(before, "cpu"));
      }
      if (ceiling != null) {
        cpuRow(rows, "  CPU per request, ceiling" + (before != null ? " after" : "") + ": server / the rest",
            map(ceiling, "cpu"));
      }
    }
    Map<String, Object> soak = map(r, "soak");
    if (soak != null) {
      section(rows, "Soak: mixed reads, " + soak.get("connections") + " connections, " + f("%.0f s", soak.get("seconds"))
          + ", " + soak.get("slowConnections") + " slow uploads open");
      target(rows, targets, "soak errors (non-2xx + socket)", "issue 16: zero errors under load");
      rows.add(row("soak requests/s, latency p50 / p99", f("%,.0f req/s; %.2f ms / %.2f ms",
          soak.get("requestsPerSecond"), soak.get("latencyP50Ms"), soak.get("latencyP99Ms")), "", "", ""));
      target(rows, targets, "soak: slowest /health with slow uploads open", "issue 16: within a second");
      Map<String, Object> health = map(soak, "health");
      rows.add(row("soak /health probes p50 / p99, failures", f("%.1f ms / %.1f ms, %d of %d failed",
          health.get("p50Ms"), health.get("p99Ms"), health.get("failures"), health.get("probes")), "", "", ""));
      rows.add(row("soak slow uploads dropped by the server", f("%,d (body timeout), %d open at the end",
          soak.get("slowDroppedByServer"), soak.get("slowOpenAtEnd")), "", "", ""));
      rows.add(row("soak heap after GC before / after", f("%.0f MiB / %.0f MiB", soak.get("heapBeforeMiB"),
          soak.get("heapAfterMiB")), "", "", "issue 16 probe: 96 MB after GC, no leak"));
      rows.add(row("soak RSS of this JVM before / after", f("%.0f MiB / %.0f MiB", soak.get("rssBeforeMiB"),
          soak.get("rssAfterMiB")), "", "", ""));
    }
    Map<String, Object> search = map(r, "search");
    if (search != null) {
      Map<String, Object> lat = map(search, "latency");
      section(rows, "Label search, " + search.get("queries") + " queries over full ESCO");
      rows.add(row("search p50", f("%.3f ms", lat.get("p50Ms")), "", "", ""));
      target(rows, targets, "search p99", "");
    }
    plan(rows, targets, map(r, "planner"));
    analytics(rows, targets, map(r, "analytics"));
    Map<String, Object> snapshot = map(r, "snapshot");
    if (snapshot != null) {
      section(rows, "Restart: snapshot of " + snapshot.get("credentials") + " credentials, "
          + snapshot.get("competencies") + " competencies, compiled or loaded (" + f("%.1f MiB", snapshot.get("fileMiB"))
          + " file)");
      target(rows, targets, "snapshot compile on restart", "");
      target(rows, targets, "persisted snapshot load on restart", "issue 18: well under a second");
      target(rows, targets, "loaded snapshot answers differ", "SHA-256 of every answer, both ways");
    }
    if (r.containsKey("error")) {
      section(rows, "ERROR: " + r.get("error"));
    }

    int[] w = {4, 8, 6, 7, 9};
    String[] head = {"figure", "measured", "target", "verdict", "reference (issue 6)"};
    for (int i = 0; i < 5; i++) {
      w[i] = Math.max(w[i], head[i].length());
    }
    for (String[] row : rows) {
      if (row.length == 5) {
        for (int i = 0; i < 5; i++) {
          w[i] = Math.max(w[i], row[i].length());
        }
      }
    }
    String fmt = "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %-" + w[3] + "s  %s%n";
    out.append(String.format(Locale.ROOT, fmt, (Object[]) head));
    out.append("-".repeat(w[0] + w[1] + w[2] + w[3] + w[4] + 8)).append('\n');
    for (String[] row : rows) {
      if (row.length == 1) {
        out.append(row[0]).append('\n');
      } else {
        out.append(String.format(Locale.ROOT, fmt, (Object[]) row));
      }
    }
    long met = targets.stream().filter(Target::met).count();
    out.append(String.format(Locale.ROOT, "%ntargets met: %d of %d; whole run %.0f s%n", met, targets.size(),
        ((Number) r.getOrDefault("wallSeconds", 0)).doubleValue()));
    return out.toString();
  }

  /** The planner's evaluation (issue 12): quality against greedy, JCRec's measure, latency and optimality. */
  private static void plan(List<String[]> rows, List<Target> targets, Map<String, Object> p) {
    if (p == null) {
      return;
    }
    Map<String, Object> full = map(p, "reach1");
    Map<String, Object> ready = map(p, "reach08");
    Map<String, Object> live = map(p, "interactive");
    Map<String, Object> jobs = map(p, "attainableJobOffers");
    section(rows, "Planner, " + p.get("learners") + " seeded learners (20% of an occupation's skills held), full ESCO "
        + "+ generated catalog; greedy = the recommender's best step, repeated");
    rows.add(row("reach 1.0: plans reaching the goal", f("planner %d, greedy %d of %d", full.get("plannerReachesGoal"),
        full.get("greedyReachesGoal"), full.get("learners")), "", "", ""));
    target(rows, targets, "plan cost / greedy cost (reach 1.0)", f("mean %.0f vs %.0f EUR when both reach",
        full.get("meanCostPlannerWhenBothReach"), full.get("meanCostGreedyWhenBothReach")));
    rows.add(row("reach 0.8: plans reaching the goal", f("planner %d, greedy %d of %d", ready.get("plannerReachesGoal"),
        ready.get("greedyReachesGoal"), ready.get("learners")), "", "", ""));
    target(rows, targets, "plan cost / greedy cost (reach 0.8)", f("mean %.0f vs %.0f EUR when both reach",
        ready.get("meanCostPlannerWhenBothReach"), ready.get("meanCostGreedyWhenBothReach")));
    target(rows, targets, "attainable job offers / greedy's (same budget)",
        "JCRec fork: exact ~1.38x greedy, ~51 s per learner");
    rows.add(row("  attainable job offers: planner / greedy / before", f("%,d / %,d / %,d",
        jobs.get("attainableOffersPlanner"), jobs.get("attainableOffersGreedy"), jobs.get("attainableOffersBefore")),
        "", "", ""));
    target(rows, targets, "plan p95 (<= 40 targets, 3 alternatives)", "");
    Map<String, Object> wall = map(p, "latency");
    Map<String, Object> cpu = map(p, "cpuUpTo40Targets");
    rows.add(row("  interactive plan p50 / p95, wall (CPU)", f("%.1f / %.1f ms (%.1f / %.1f ms)", wall.get("p50Ms"),
        wall.get("p95Ms"), cpu.get("p50Ms"), cpu.get("p95Ms")), "", "", ""));
    Object gap = live.get("meanGapWhenNotOptimal");
    rows.add(row("  interactive: proved optimal / mean gap otherwise", f("%.0f%% / %s; cost share %.3f; %s",
        100 * ((Number) live.get("optimalityRate")).doubleValue(), gap == null ? "none unproved" : f("%.3f", gap),
        live.get("costShare"), live.get("solverStatuses")), "", "", ""));
    rows.add(row("  quality runs: proved optimal (reach 1.0 / 0.8)", f("%.0f%% / %.0f%%",
        100 * ((Number) full.get("optimalityRate")).doubleValue(),
        100 * ((Number) ready.get("optimalityRate")).doubleValue()), "", "", ""));
  }

  /** The curriculum analytics (issue 14): each analysis's time on the whole catalog and what it found. */
  private static void analytics(List<String[]> rows, List<Target> targets, Map<String, Object> a) {
    if (a == null) {
      return;
    }
    section(rows, "Curriculum analytics on " + f("%,d", a.get("credentials")) + " credentials (issue 14)");
    target(rows, targets, "analytics: overlap", "");
    rows.add(row("  near-duplicate pairs / clusters", f("%,d / %,d from %,d candidate pairs of %,d",
        a.get("overlapPairs"), a.get("overlapClusters"), a.get("overlapCandidates"), a.get("allPairs")), "", "", ""));
    target(rows, targets, "analytics: inflation", "");
    rows.add(row("  signals", String.valueOf(a.get("inflationSignals")), "", "", ""));
    if (a.get("inflationSharedOverlapSeconds") != null) {
      rows.add(row("  inflation reusing the cached catalog overlap",
          f("%.2f s", a.get("inflationSharedOverlapSeconds")), "", "", ""));
    }
    target(rows, targets, "analytics: gaps", "");
    rows.add(row("  gaps / essential skills needed", f("%,d / %,d", a.get("gaps"), a.get("gapsSkillsConsidered")), "",
        "", ""));
  }

  private static void section(List<String[]> rows, String title) {
    rows.add(new String[] {"== " + title});
  }

  private static void target(List<String[]> rows, List<Target> targets, String name, String reference) {
    targets.stream().filter(t -> t.name().equals(name)).findFirst().ifPresent(t ->
        rows.add(row(t.name(), t.measuredText(), t.targetText(), t.verdict(), reference)));
  }

  /**
   * Where the processors went under a load ({@link CpuShare}): the server's and the rest's microseconds per request,
   * and how busy the cores were, so a reader sees whether the machine was the limit.
   */
  private static void cpuRow(List<String[]> rows, String name, Map<String, Object> cpu) {
    if (cpu == null || cpu.get("jvmMicrosPerRequest") == null) {
      return;
    }
    if (cpu.get("restMicrosPerRequest") == null) {
      rows.add(row(name, f("%.0f µs / ?", cpu.get("jvmMicrosPerRequest")), "", "", String.valueOf(cpu.get("machine"))));
      return;
    }
    rows.add(row(name, f("%.0f / %.0f µs", cpu.get("jvmMicrosPerRequest"), cpu.get("restMicrosPerRequest")), "", "",
        f("cores busy %.0f%%, idle %.0f%%, stolen %.0f%%", 100 * ((Number) cpu.get("busyShare")).doubleValue(),
            100 * ((Number) cpu.get("idleShare")).doubleValue(), 100 * ((Number) cpu.get("stolenShare")).doubleValue())));
  }

  private static String[] row(String a, String b, String c, String d, String e) {
    return new String[] {a, b, c, d, e};
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return m == null ? null : (Map<String, Object>) m.get(key);
  }
}
