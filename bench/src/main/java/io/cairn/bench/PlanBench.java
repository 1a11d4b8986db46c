package io.cairn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.graph.LiveCatalog;
import io.cairn.labor.demand.DemandJoin;
import io.cairn.labor.demand.JobOfferTable;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.plan.Objective;
import io.cairn.plan.Plan;
import io.cairn.plan.PlanRequest;
import io.cairn.plan.PlanStep;
import io.cairn.plan.Planner;
import io.cairn.plan.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The planner's evaluation on full ESCO with the generated catalog: seeded learners ({@link PlanLearners}), each
 * planned three ways through the public {@link Planner} API, its greedy baseline coming with every answer.
 * <ol>
 *   <li>objective cost, reach 1.0, no budget: what reaching every essential skill costs, planner against greedy;
 *   <li>objective cost, reach 0.8 (job-ready), no budget, three alternatives: the same at the job-ready share, and
 *       the latency of an interactive request (p50, p95), how often the solver proves optimality, the mean gap;
 *   <li>objective value, reach 0.8, the learner's budget: attainable job offers, JCRec's measure (<em>Course
 *       Recommender Systems Need to Consider the Job Market</em>, SIGIR 2024): an occupation counts when the
 *       learner then holds at least 80% of its essential skills, weighted by its job offers
 *       ({@code ../shared/datasets/labor-market/}, joined on the preferred label).
 * </ol>
 * The measure is computed here from the plans' credentials, never by the planner. Usage as a standalone step:
 * {@code java -cp bench/target/cairn-bench.jar io.cairn.bench.PlanBench --store DIR [--learners N] [--seed N]
 * [--out FILE]} (or {@code bin/bench --plan-only}).
 */
final class PlanBench {
  static final double JOB_READY = 0.8;
  static final int ALTERNATIVES = 3;
  static final int TARGETS_FOR_LATENCY = 40;
  /** The solver's limit for the quality runs: long enough that the figures do not depend on the machine's load. */
  static final Duration QUALITY_LIMIT = Duration.ofSeconds(2);
  private static final int WARMUP = 20;
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private final CatalogSnapshot snapshot;
  private final long[] offers;
  private final Planner interactive;
  private final Planner quality;
  private final Duration interactiveLimit;

  PlanBench(CatalogSnapshot snapshot, Path shared, Duration timeLimit) {
    this.snapshot = snapshot;
    Path file = shared.resolve("datasets/labor-market/job_offers_by_esco_occupation.csv");
    this.offers = Files.isRegularFile(file) ? DemandJoin.join(snapshot.occupations(), JobOfferTable.read(file)).offers()
        : new long[snapshot.occupations().size()];
    this.interactiveLimit = timeLimit;
    this.interactive = Planner.builder().timeLimit(timeLimit).jobOffers(o -> offers[o.index()]).build();
    this.quality = Planner.builder().timeLimit(QUALITY_LIMIT).jobOffers(o -> offers[o.index()]).build();
  }

  /** Runs the evaluation over {@code count} learners and adds its targets to {@code targets}. */
  Map<String, Object> run(int count, long seed, List<Target> targets) {
    List<PlanLearners.PlanLearner> learners = PlanLearners.draw(snapshot, count, seed);
    for (int i = 0; i < Math.min(WARMUP, learners.size()); i++) {
      ask(interactive, learners.get(i), Objective.COST, JOB_READY, ALTERNATIVES, false);
    }
    Side full = new Side("cost, reach 1.0, no budget, solver limit " + QUALITY_LIMIT.toMillis() + " ms");
    Side ready = new Side("cost, reach 0.8, no budget, solver limit " + QUALITY_LIMIT.toMillis() + " ms");
    Side live = new Side("cost, reach 0.8, no budget, " + ALTERNATIVES + " alternatives, solver limit "
        + interactiveLimit.toMillis() + " ms (the interactive request)");
    Side value = new Side("value, reach 0.8, the learner's budget and hours, solver limit " + QUALITY_LIMIT.toMillis()
        + " ms");
    long before = 0;
    List<Map<String, Object>> perLearner = new ArrayList<>();
    for (int i = 0; i < learners.size(); i++) {
      PlanLearners.PlanLearner l = learners.get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("budget", l.budget());
      row.put("hours", l.hours());
      row.put("reach1", full.add(ask(quality, l, Objective.COST, 1.0, 1, false), l));
      row.put("reach08", ready.add(ask(quality, l, Objective.COST, JOB_READY, 1, false), l));
      row.put("interactive", live.add(ask(interactive, l, Objective.COST, JOB_READY, ALTERNATIVES, false), l));
      row.put("value", value.add(ask(quality, l, Objective.VALUE, JOB_READY, 1, true), l));
      long had = attainable(l.held(), List.of());
      row.put("offersBefore", had);
      before += had;
      perLearner.add(row);
      if ((i + 1) % 25 == 0) {
        Bench.progress("    %d/%d learners planned (load average %s)", i + 1, learners.size(),
            Machine.loadAverage());
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("what", "Planner.plan (OR-Tools CP-SAT, greedy baseline in every answer) for seeded learners on full ESCO "
        + "with the generated catalog; one request at a time on one thread, after "
        + Math.min(WARMUP, learners.size()) + " warm-up requests. Quality runs give the solver "
        + QUALITY_LIMIT.toMillis() + " ms so that their figures do not depend on the machine's load; the interactive "
        + "run uses the planner's default (" + interactiveLimit.toMillis() + " ms) and gives the latency.");
    m.put("learners", learners.size());
    m.put("seed", seed);
    m.put("learnerModel", "an occupation with >= " + PlanLearners.MIN_SKILLS + " skills (1+ essential), a random "
        + PlanLearners.HELD_PERCENT + "% of its essential and optional skills declared held; goal: that occupation");
    m.put("budgetsEur", PlanLearners.BUDGETS);
    m.put("hours", PlanLearners.HOURS);
    m.put("greedyNote", "greedy is the issue's baseline: the recommender's best next step toward the learner's goal, "
        + "repeated until the goal is reached or nothing fits; it aims at the goal occupation, not at job offers in "
        + "general (JCRec's greedy maximises attainable jobs at each step), so the ratio is not JCRec's");
    m.put("jobOffersPerOccupation", "labor-market/job_offers_by_esco_occupation.csv, summed over countries, "
        + "joined on the trimmed lower-cased preferred label");
    m.put("reach1", full.toJson());
    m.put("reach08", ready.toJson());
    m.put("interactive", live.toJson());
    m.put("value", value.toJson());
    double offersRatio = value.greedyOffers == 0 ? Double.NaN : value.plannerOffers / (double) value.greedyOffers;
    Map<String, Object> jobs = new LinkedHashMap<>();
    jobs.put("attainableOffersBefore", before);
    jobs.put("attainableOffersGreedy", value.greedyOffers);
    jobs.put("attainableOffersPlanner", value.plannerOffers);
    jobs.put("plannerOverGreedy", offersRatio);
    jobs.put("gainPlannerOverGreedy", (value.plannerOffers - before) / (double) Math.max(1, value.greedyOffers - before));
    jobs.put("reference", "JCRec fork: an exact optimizer ~1.38x greedy's attainable jobs, ~51 s per learner");
    m.put("attainableJobOffers", jobs);
    m.put("valueByBudget", byBudget(perLearner));
    m.put("perLearnerWhat", "one row per learner: budget and hours (the value run's limits), and for each run the "
        + "planner's and greedy's cost, hours, whether each reaches the goal, attainable job offers, the unmet "
        + "targets and the request's wall time");
    m.put("perLearner", perLearner);
    Stats wall = live.latency(false, Integer.MAX_VALUE);
    Stats wall40 = live.latency(false, TARGETS_FOR_LATENCY);
    Stats cpu40 = live.latency(true, TARGETS_FOR_LATENCY);
    m.put("latency", wall.toJson());
    m.put("latencyUpTo40Targets", wall40.toJson());
    m.put("cpuUpTo40Targets", cpu40.toJson());
    m.put("cpuWhat", "CPU time of the requesting thread (the solver runs on it with one worker): what a request "
        + "costs whatever else the machine is doing");
    targets.add(Target.atMost("plan cost / greedy cost (reach 1.0)", full.costShare(), 0.8, "", "%.3f"));
    targets.add(Target.atMost("plan cost / greedy cost (reach 0.8)", ready.costShare(), 0.8, "", "%.3f"));
    targets.add(Target.atLeast("attainable job offers / greedy's (same budget)", offersRatio, 1.3, "x", "%.2f"));
    targets.add(Target.atMost("plan p95 (<= " + TARGETS_FOR_LATENCY + " targets, " + ALTERNATIVES + " alternatives)",
        wall40.p95Ms(), 200, "ms", "%.1f"));
    Bench.progress("    cost share %.3f (reach 1.0), %.3f (reach 0.8); offers %.2fx greedy; interactive p50 %.1f ms, "
        + "p95 %.1f ms (CPU %.1f / %.1f ms); optimal %.0f%%", full.costShare(), ready.costShare(), offersRatio,
        wall.p50Ms(), wall40.p95Ms(), cpu40.p50Ms(), cpu40.p95Ms(), 100 * live.optimalRate());
    return m;
  }

  /** Attainable job offers of the value run, planner and greedy, per budget drawn. */
  private static List<Map<String, Object>> byBudget(List<Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (double budget : PlanLearners.BUDGETS) {
      long planner = 0;
      long greedy = 0;
      int n = 0;
      for (Map<String, Object> row : rows) {
        if ((Double) row.get("budget") == budget) {
          @SuppressWarnings("unchecked")
          Map<String, Object> v = (Map<String, Object>) row.get("value");
          planner += (Long) v.get("plannerOffers");
          greedy += (Long) v.get("greedyOffers");
          n++;
        }
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("budgetEur", budget);
      m.put("learners", n);
      m.put("attainableOffersPlanner", planner);
      m.put("attainableOffersGreedy", greedy);
      out.add(m);
    }
    return out;
  }

  private record Timed(Plans plans, long nanos, long cpuNanos) {}

  private Timed ask(Planner planner, PlanLearners.PlanLearner l, Objective objective, double reach, int alternatives,
      boolean budget) {
    Constraints constraints = budget ? new Constraints(l.budget(), l.hours(), Set.of(), false, 8)
        : Constraints.none();
    PlanRequest request = PlanRequest.of(l.learner(), new Goal.OccupationGoal(l.goal().id())).withObjective(objective)
        .withReach(reach).withAlternatives(alternatives).withConstraints(constraints);
    long cpu = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Plans plans = planner.plan(snapshot, request);
    return new Timed(plans, System.nanoTime() - t0, THREADS.getCurrentThreadCpuTime() - cpu);
  }

  /** Job offers of the occupations whose job-ready share of essential skills the holdings reach. */
  long attainable(IntSet declared, List<PlanStep> steps) {
    BitSet held = declared.toBitSet();
    for (PlanStep step : steps) {
      snapshot.credential(step.credential()).teaches().stream().forEach(held::set);
    }
    long sum = 0;
    for (Occupation o : snapshot.occupations()) {
      IntSet essential = o.essential();
      if (essential.isEmpty() || offers[o.index()] == 0) {
        continue;
      }
      int have = 0;
      for (int i = 0; i < essential.size(); i++) {
        have += held.get(essential.get(i)) ? 1 : 0;
      }
      if (have >= JOB_READY * essential.size() - 1e-9) {
        sum += offers[o.index()];
      }
    }
    return sum;
  }

  /** Planner against greedy on one kind of request. */
  private final class Side {
    final String what;
    int learners;
    int plannerReached;
    int greedyReached;
    int bothReached;
    double plannerCost;
    double greedyCost;
    double ratioSum;
    int ratios;
    long plannerOffers;
    long greedyOffers;
    int answeredBySolver;
    int optimal;
    int withGap;
    double gaps;
    final Map<String, Integer> statuses = new TreeMap<>();
    final List<long[]> timings = new ArrayList<>();

    Side(String what) {
      this.what = what;
    }

    /** Counts one answer in; returns its figures for the per-learner table. */
    Map<String, Object> add(Timed timed, PlanLearners.PlanLearner l) {
      Plans p = timed.plans();
      Plan best = p.best();
      Plan greedy = p.greedy();
      learners++;
      answeredBySolver += p.answeredBy() == Plans.Source.SOLVER ? 1 : 0;
      statuses.merge(p.solver().status().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
      if (best.optimal()) {
        optimal++;
      } else if (best.gap().isPresent() && p.answeredBy() == Plans.Source.SOLVER) {
        withGap++;
        gaps += best.gap().getAsDouble();
      }
      timings.add(new long[] {timed.nanos(), timed.cpuNanos(), p.goal().total() - p.goal().held()});
      plannerReached += best.reachesGoal() ? 1 : 0;
      greedyReached += greedy.reachesGoal() ? 1 : 0;
      if (best.reachesGoal() && greedy.reachesGoal()) {
        bothReached++;
        plannerCost += best.totals().cost();
        greedyCost += greedy.totals().cost();
        if (greedy.totals().cost() > 0) {
          ratioSum += best.totals().cost() / greedy.totals().cost();
          ratios++;
        }
      }
      long bestOffers = attainable(l.held(), best.steps());
      long greedyOffersNow = attainable(l.held(), greedy.steps());
      plannerOffers += bestOffers;
      greedyOffers += greedyOffersNow;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("unmetTargets", p.goal().total() - p.goal().held());
      row.put("plannerCost", best.totals().cost());
      row.put("greedyCost", greedy.totals().cost());
      row.put("plannerHours", best.totals().hours());
      row.put("greedyHours", greedy.totals().hours());
      row.put("plannerReaches", best.reachesGoal());
      row.put("greedyReaches", greedy.reachesGoal());
      row.put("plannerOffers", bestOffers);
      row.put("greedyOffers", greedyOffersNow);
      row.put("optimal", best.optimal());
      row.put("wallMs", timed.nanos() / 1e6);
      return row;
    }

    double costShare() {
      return greedyCost == 0 ? Double.NaN : plannerCost / greedyCost;
    }

    double optimalRate() {
      return learners == 0 ? 0 : optimal / (double) learners;
    }

    /** Wall (or CPU) time of the requests whose goal had at most {@code targets} unmet essential skills. */
    Stats latency(boolean cpu, int targets) {
      return Stats.of(timings.stream().filter(t -> t[2] <= targets).mapToLong(t -> cpu ? t[1] : t[0]).toArray());
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("what", what);
      m.put("learners", learners);
      m.put("answeredBySolver", answeredBySolver);
      m.put("plannerReachesGoal", plannerReached);
      m.put("greedyReachesGoal", greedyReached);
      m.put("bothReach", bothReached);
      m.put("meanCostPlannerWhenBothReach", bothReached == 0 ? 0 : plannerCost / bothReached);
      m.put("meanCostGreedyWhenBothReach", bothReached == 0 ? 0 : greedyCost / bothReached);
      m.put("costShare", costShare());
      m.put("meanPerLearnerCostRatio", ratios == 0 ? Double.NaN : ratioSum / ratios);
      m.put("attainableOffersPlanner", plannerOffers);
      m.put("attainableOffersGreedy", greedyOffers);
      m.put("optimalityRate", optimalRate());
      m.put("meanGapWhenNotOptimal", withGap == 0 ? null : gaps / withGap);
      m.put("notOptimalWithGap", withGap);
      m.put("solverStatuses", statuses);
      m.put("latency", latency(false, Integer.MAX_VALUE).toJson());
      m.put("cpu", latency(true, Integer.MAX_VALUE).toJson());
      return m;
    }
  }

  public static void main(String[] args) throws Exception {
    BenchOptions o = BenchOptions.parse(args);
    if (o.store == null) {
      System.err.println("usage: PlanBench --store DIR [--learners N] [--seed N] [--out FILE] (the store is built "
          + "when empty: ESCO plus the generated catalog)");
      System.exit(2);
    }
    try (LiveCatalog catalog = BenchStore.open(o.store, o.shared, o.seed, o.credentials)) {
      List<Target> targets = new ArrayList<>();
      Map<String, Object> result = new PlanBench(catalog.snapshot(), o.shared, o.planTimeLimit)
          .run(o.planLearners, o.seed + 3, targets);
      result.put("loadAverageAtEnd", Machine.loadAverage());
      result.put("targets", targets.stream().map(Target::toJson).toList());
      Path out = o.out.resolve("plan-latest.json");
      Files.createDirectories(o.out);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
      targets.forEach(t -> System.out.printf("%-50s %-12s %-10s %s%n", t.name(), t.measuredText(), t.targetText(),
          t.verdict()));
      System.out.println("JSON: " + out);
    }
  }
}
