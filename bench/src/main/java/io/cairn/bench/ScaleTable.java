package io.cairn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scale run's curve and its targets (issue 18, at 1,000,000 credentials): heap after GC at most 8 GiB, snapshot
 * build at most 60 s, recommendation p99 at most 5 ms, and build time and heap growing no worse than linearly in the
 * catalog, that is by at most 10x per 10x of credentials (measured between the two largest sizes run). A run that
 * stops short of a million is judged at its largest size and says so; the growth gives a projection to a million.
 */
final class ScaleTable {
  static final int MILLION = 1_000_000;

  private ScaleTable() {}

  /** The targets, judged at the largest size measured; none when no size finished. */
  static List<Target> targets(List<Map<String, Object>> steps) {
    List<Target> targets = new ArrayList<>();
    if (steps.isEmpty()) {
      return targets;
    }
    Map<String, Object> last = steps.getLast();
    int size = (Integer) last.get("size");
    String at = size == MILLION ? " at 1,000,000" : f(" at %,d (target for 1,000,000)", size);
    targets.add(Target.atMost("heap after GC" + at, num(last, "heapUsedAfterGcMiB") / 1024, 8, "GiB", "%.2f"));
    targets.add(Target.atMost("snapshot build" + at, num(last, "snapshotBuildSeconds"), 60, "s", "%.1f"));
    targets.add(Target.atMost("recommendation p99" + at, num(map(last, "recommendation"), "latency", "p99Ms"), 5, "ms",
        "%.3f"));
    if (steps.size() > 1) {
      Map<String, Object> before = steps.get(steps.size() - 2);
      String between = f(" (%,d to %,d)", before.get("size"), size);
      targets.add(Target.atMost("snapshot build growth per 10x credentials" + between,
          perTenfold(before, last, "snapshotBuildSeconds"), 10, "x", "%.1f"));
      targets.add(Target.atMost("heap growth per 10x credentials" + between,
          perTenfold(before, last, "heapUsedAfterGcMiB"), 10, "x", "%.1f"));
    }
    return targets;
  }

  /**
   * For build time and heap: the factor per 10x of credentials between each pair of consecutive sizes, and, when the
   * largest size is under a million, the figure a million would have if the last factor held.
   */
  static Map<String, Object> growth(List<Map<String, Object>> steps) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("what", "factor per 10x credentials = (b/a)^(1/log10(m/n)) for the figure a at n and b at m credentials: "
        + "10 is linear growth, less is sublinear (ESCO's fixed share dominates small catalogs); projectedAtMillion: "
        + "the largest size's figure plus, for each credential more, what each cost between the two largest sizes");
    for (String key : List.of("snapshotBuildSeconds", "heapUsedAfterGcMiB", "loadStepSeconds")) {
      List<Map<String, Object>> pairs = new ArrayList<>();
      for (int i = 1; i < steps.size(); i++) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", steps.get(i - 1).get("size"));
        p.put("to", steps.get(i).get("size"));
        p.put("perTenfold", perTenfold(steps.get(i - 1), steps.get(i), key));
        pairs.add(p);
      }
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("pairs", pairs);
      if (!pairs.isEmpty() && !key.equals("loadStepSeconds")) {
        // linear in the credentials added: each further one costs what those between the two largest sizes did
        Map<String, Object> last = steps.getLast();
        Map<String, Object> before = steps.get(steps.size() - 2);
        int size = (Integer) last.get("size");
        double perCredential = Math.max(0, (num(last, key) - num(before, key)) / (size - (Integer) before.get("size")));
        g.put("projectedAtMillion", size >= MILLION ? null : num(last, key) + perCredential * (MILLION - size));
      }
      m.put(key, g);
    }
    return m;
  }

  static String render(Map<String, Object> r, List<Target> targets) {
    StringBuilder out = new StringBuilder();
    Map<String, Object> machine = map(r, "machine");
    Map<String, Object> esco = map(r, "esco");
    out.append(f("%nCairn scale bench, %s: %s cores (load average %s at start, %s at end), heap max %.1f GiB%n",
        r.get("startedAt"), machine.get("cores"), machine.get("loadAverageAtStart"), machine.get("loadAverageAtEnd"),
        num(machine, "heapMaxMiB") / 1024));
    out.append(Machine.hostSpeedLine(machine));
    if (esco != null) {
      out.append(f("ESCO imported once: %,d triples in %.1f s, heap after GC %.0f MiB, TDB2 %.2f GiB%n",
          esco.get("triples"), num(esco, "importSeconds"), num(esco, "heapUsedAfterGcMiB"),
          num(esco, "tdb2Bytes") / 1073741824.0));
    }
    String fmt = "%12s  %17s  %10s  %9s  %9s  %17s  %15s  %10s  %14s  %11s%n";
    out.append(f(fmt, "credentials", "load step (total)", "snapshot", "heap GC", "TDB2", "reco p50 / p99",
        "plan p50 / p95", "search p99", "checks/1k cred", "fixed check"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps = (List<Map<String, Object>>) r.get("steps");
    for (Map<String, Object> s : steps) {
      Map<String, Object> reco = map(map(s, "recommendation"), "latency");
      Map<String, Object> plan = map(s, "planner");
      Map<String, Object> probe = probe(s);
      out.append(f(fmt, f("%,d", s.get("credentials")),
          f("%.0f s (%.0f s)", num(s, "loadStepSeconds"), num(s, "loadCumulativeSeconds")),
          f("%.2f s", num(s, "snapshotBuildSeconds")), f("%.2f GiB", num(s, "heapUsedAfterGcMiB") / 1024),
          f("%.2f GiB", num(s, "tdb2Bytes") / 1073741824.0),
          f("%.3f / %.3f ms", num(reco, "p50Ms"), num(reco, "p99Ms")),
          plan == null ? "-" : f("%.0f / %.0f ms", num(plan, "latency", "p50Ms"), num(plan, "latency", "p95Ms")),
          f("%.3f ms", num(map(s, "search"), "latency", "p99Ms")),
          probe == null ? "-" : f("%.2f s", num(probe, "validateSeconds") * 1000
              / ((Integer) probe.get("last") - (Integer) probe.get("first") + 1)),
          f("%.2f s", num(s, "wholeStoreCheckSeconds"))));
    }
    out.append("(checks/1k cred: GraphStore.validate of the size's last batch, alone, per 1,000 credentials in it; "
        + "fixed check: the same for a one-triple source, the part of every load that grows with the store)\n\n");
    Map<String, Object> growth = map(r, "growth");
    for (String key : List.of("snapshotBuildSeconds", "heapUsedAfterGcMiB")) {
      Object projected = growth == null ? null : map(growth, key).get("projectedAtMillion");
      if (projected != null) {
        out.append(f("projected at 1,000,000, linear from the two largest sizes: %s %s%n",
            key.startsWith("heap") ? "heap after GC" : "snapshot build",
            key.startsWith("heap") ? f("%.2f GiB", ((Number) projected).doubleValue() / 1024)
                : f("%.1f s", ((Number) projected).doubleValue())));
      }
    }
    int width = targets.stream().mapToInt(t -> t.name().length()).max().orElse(10);
    for (Target t : targets) {
      out.append(f("%-" + width + "s  %-11s  %-11s  %s%n", t.name(), t.measuredText(), t.targetText(), t.verdict()));
    }
    if (r.containsKey("error")) {
      out.append("ERROR: ").append(r.get("error")).append('\n');
    }
    return out.toString();
  }

  private static Map<String, Object> probe(Map<String, Object> step) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> batches = (List<Map<String, Object>>) step.get("batches");
    return batches.stream().filter(b -> b.containsKey("validateSeconds")).findFirst().orElse(null);
  }

  private static double perTenfold(Map<String, Object> a, Map<String, Object> b, String key) {
    double ratio = num(b, key) / num(a, key);
    double tenfolds = Math.log10(((Number) b.get("size")).doubleValue() / ((Number) a.get("size")).doubleValue());
    return Math.pow(ratio, 1 / tenfolds);
  }

  private static double num(Map<String, Object> m, String... path) {
    Map<String, Object> at = m;
    for (int i = 0; i < path.length - 1; i++) {
      at = map(at, path[i]);
    }
    Object v = at == null ? null : at.get(path[path.length - 1]);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return m == null ? null : (Map<String, Object>) m.get(key);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
