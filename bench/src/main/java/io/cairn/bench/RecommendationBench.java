package io.cairn.bench;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.graph.LiveCatalog;
import io.cairn.rank.RecommendationList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Steps 3 and 3b: the in-process recommendation latency, {@code Cairn.recommend} timed one call at a time over the
 * seeded learner/goal pairs, with the transparent scorer and then the learned one; the scale run reuses the loop.
 */
final class RecommendationBench {
  /** Calls before timing starts: enough for the JIT's top tier on the request path. */
  static final int WARM_UP_CALLS = 20_000;

  private RecommendationBench() {}

  /**
   * Times {@code cairn.recommend} on every question, one call at a time after a warm-up, and adds the p50 and p99
   * targets; {@code scorer} names the run in the figures and the targets.
   */
  static Map<String, Object> recommend(Cairn cairn, List<RequestGenerator.Question> questions, List<Target> targets,
      String scorer, double p50TargetMs, double p99TargetMs) {
    // warm-up: the questions over and over until 20,000 calls (at least one whole pass, at most 60 s), so that
    // what is timed is the request path compiled at the JIT's top tier: C2 compiles a method after about 10,000
    // calls, and the two passes of 1,000 this used to make timed the profiling tier, at twice the median
    long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int warmCalls = questions.isEmpty() ? 0 : Math.max(WARM_UP_CALLS, questions.size());
    int warm = 0;
    while (warm < warmCalls && System.nanoTime() < warmDeadline) {
      try {
        cairn.recommend(questions.get(warm % questions.size()).request());
      } catch (RuntimeException e) {
        // counted below
      }
      warm++;
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
    Bench.progress("    %s: p50 %.3f ms, p99 %.3f ms, max %.3f ms; %.1f items per list, %d empty, %d errors", scorer,
        stats.p50Ms(), stats.p99Ms(), stats.maxMs(), items / (double) questions.size(), empty, errors);
    String suffix = scorer.equals("transparent") ? "" : ", " + scorer;
    targets.add(Target.atMost("recommendation p50 (in-process" + suffix + ")", stats.p50Ms(), p50TargetMs, "ms",
        "%.3f"));
    targets.add(Target.atMost("recommendation p99 (in-process" + suffix + ")", stats.p99Ms(), p99TargetMs, "ms",
        "%.3f"));
    return m;
  }

  /**
   * Step 3b: the same questions with the learned scorer, after the transparent one; returns the engine with the
   * model on (for a digest of its answers).
   */
  static Cairn learned(BenchOptions o, LiveCatalog catalog, CatalogSnapshot snapshot,
      List<RequestGenerator.Question> questions, Map<String, Object> results, List<Target> targets) {
    Bench.progress("3b/7 the same questions with the learned scorer (%s)", o.model == null
        ? "training a quick skill-value model first" : "model " + o.model);
    ModelForBench model = ModelForBench.obtain(o.model, o.saveModel, o.shared, snapshot, o.seed);
    Bench.progress("    model: %s (%.1f s)", model.source(), model.seconds());
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
    Bench.progress("    side by side: %s", both);
    return both;
  }
}
