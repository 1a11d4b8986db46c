package io.cairn.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.audit.AuditResult;
import io.cairn.audit.Auditor;
import io.cairn.audit.DestinationResult;
import io.cairn.audit.Holdings;
import io.cairn.audit.Status;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import io.cairn.learner.ResolvedLearner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the planner over seeded random learners, goals, constraints, objectives, includes and excludes on
 * the sample, each checked here independently of the planner (coverage counted, prerequisites walked, pathway plans
 * audited). Every failure message starts with the seed: {@code run(seed)} reproduces it.
 */
class PlannerProperties {
  private static final Planner PLANNER = Planner.builder().timeLimit(Duration.ofSeconds(20)).build();
  private static final Map<Long, Run> RUNS = new ConcurrentHashMap<>();
  private static CatalogSnapshot sample;

  static Stream<Long> seeds() {
    return LongStream.range(0, 60).map(i -> 0x91A40000L + i * 7919).boxed();
  }

  private record Run(long seed, CatalogSnapshot s, PlanRequest request, ResolvedLearner learner, Plans plans) {
    Supplier<String> at(String what) {
      return () -> "seed=" + seed + " (" + request.goal() + ", " + request.objective() + "): " + what;
    }

    List<Plan> all() {
      List<Plan> all = new ArrayList<>(plans.plans());
      all.add(plans.greedy());
      return all;
    }
  }

  private static synchronized CatalogSnapshot sample() {
    if (sample == null) {
      try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
        catalog.load(SampleData.sources());
        sample = catalog.snapshot();
      }
    }
    return sample;
  }

  private static Run run(long seed) {
    return RUNS.computeIfAbsent(seed, k -> {
      CatalogSnapshot s = sample();
      PlanRequest request = draw(s, new Random(seed));
      return new Run(seed, s, request, ResolvedLearner.resolve(s, request.learner()), PLANNER.plan(s, request));
    });
  }

  private static PlanRequest draw(CatalogSnapshot s, Random random) {
    List<String> held = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      held.add(s.credential(random.nextInt(s.credentials().size())).id());
    }
    List<String> known = new ArrayList<>();
    for (int i = random.nextInt(6); i > 0; i--) {
      known.add(s.competency(random.nextInt(s.competencies().size())).id());
    }
    Goal goal = switch (random.nextInt(3)) {
      case 0 -> new Goal.OccupationGoal(s.occupation(random.nextInt(s.occupations().size())).id());
      case 1 -> new Goal.PathwayGoal(s.pathway(random.nextInt(s.pathways().size())).id());
      default -> {
        Occupation o = s.occupation(random.nextInt(s.occupations().size()));
        List<String> ids = new ArrayList<>();
        for (int i = 1 + random.nextInt(5); i > 0; i--) {
          ids.add(s.competency(o.essential().get(random.nextInt(o.essential().size()))).id());
        }
        yield new Goal.CompetencyGoal(ids);
      }
    };
    double[] budgets = {Double.POSITIVE_INFINITY, 100, 500, 1500, 5000};
    double[] hours = {Double.POSITIVE_INFINITY, 50, 200, 1000};
    Set<DeliveryMode> modes = random.nextInt(4) == 0 ? EnumSet.of(DeliveryMode.ONLINE, DeliveryMode.BLENDED)
        : Set.of();
    Constraints constraints = new Constraints(budgets[random.nextInt(budgets.length)],
        hours[random.nextInt(hours.length)], modes, random.nextInt(5) == 0, random.nextInt(4) == 0 ? 6 : 8);
    List<String> include = new ArrayList<>();
    List<String> exclude = new ArrayList<>();
    if (random.nextInt(5) == 0) {
      include.add(s.credential(random.nextInt(s.credentials().size())).id());
    }
    if (random.nextInt(4) == 0) {
      String id = s.credential(random.nextInt(s.credentials().size())).id();
      if (!include.contains(id)) {
        exclude.add(id);
      }
    }
    String destination = null;
    if (goal instanceof Goal.PathwayGoal g && random.nextBoolean()) {
      var destinations = s.findPathway(g.id()).orElseThrow().destinations();
      destination = random.nextBoolean() ? PlanRequest.NEAREST
          : destinations.get(random.nextInt(destinations.size())).id();
    }
    double[] reaches = {1.0, 0.8, 0.5};
    return new PlanRequest(new Learner("random", held, known), goal, constraints,
        Objective.values()[random.nextInt(3)], reaches[random.nextInt(3)], random.nextBoolean() ? 0 : 10, include,
        exclude, 1 + random.nextInt(3), destination, List.of());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyPlanRespectsEveryConstraint(long seed) {
    Run r = run(seed);
    Constraints c = r.request().constraints();
    IntSet include = ids(r.s(), r.request().include());
    IntSet exclude = ids(r.s(), r.request().exclude());
    for (Plan plan : r.all()) {
      assertTrue(plan.totals().cost() <= c.maxCost() + 1e-6, r.at("over budget: " + plan.totals()));
      assertTrue(plan.totals().hours() <= c.maxHours() + 1e-6, r.at("over hours: " + plan.totals()));
      double cost = 0;
      Set<Integer> inPlan = new HashSet<>();
      for (PlanStep step : plan.steps()) {
        Credential credential = r.s().credential(step.credential());
        assertFalse(r.learner().credentials().contains(step.credential()), r.at("plans a held " + credential.id()));
        assertFalse(exclude.contains(step.credential()), r.at("plans the excluded " + credential.id()));
        assertTrue(inPlan.add(step.credential()), r.at(credential.id() + " twice"));
        if (!step.granted()) {
          cost += credential.cost();
          boolean fits = c.allowsMode(credential.mode()) && (!c.creditBearingOnly() || credential.creditBearing())
              && credential.eqfLevel() <= c.maxEqfLevel();
          assertTrue(fits || include.contains(step.credential()), r.at(credential.id() + " breaks a constraint"));
        }
      }
      assertEquals(cost, plan.totals().cost(), 1e-6, r.at("totals"));
      boolean includeBlocked = r.plans().blockers().stream().anyMatch(b -> b.kind() == Blocker.Kind.INCLUDED);
      for (int i : include.toArray()) {
        assertTrue(inPlan.contains(i) || r.learner().credentials().contains(i) || includeBlocked,
            r.at("include " + r.s().credential(i).id() + " missing without a blocker saying why"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyPrerequisiteComesBeforeWhatNeedsIt(long seed) {
    Run r = run(seed);
    for (Plan plan : r.all()) {
      BitSet has = r.learner().credentials().toBitSet();
      BitSet known = r.learner().competencies().toBitSet();
      for (PlanStep step : plan.steps()) {
        Credential credential = r.s().credential(step.credential());
        for (int p : credential.requiredCredentials().toArray()) {
          assertTrue(has.get(p), r.at(credential.id() + " before its prerequisite " + r.s().credential(p).id()));
        }
        for (int k : credential.requiredCompetencies().toArray()) {
          assertTrue(known.get(k), r.at(credential.id() + " before its prerequisite skill " + r.s().competency(k).id()));
        }
        if (step.granted()) {
          assertTrue(complete(r.s(), step.credential(), has), r.at(credential.id() + " granted before its parts"));
        }
        has.set(step.credential());
        credential.teaches().stream().forEach(known::set);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aPlanSaidToReachTheGoalReachesIt(long seed) {
    Run r = run(seed);
    for (Plan plan : r.all()) {
      if (!plan.reachesGoal()) {
        continue;
      }
      IntSet held = r.learner().credentials().union(IntSet.of(plan.steps().stream().mapToInt(PlanStep::credential)
          .toArray()));
      IntSet known = r.learner().declaredCompetencies().union(r.s().competenciesTaughtBy(held));
      switch (r.request().goal()) {
        case Goal.PathwayGoal g -> {
          AuditResult audit = Auditor.standard().audit(r.s(), r.s().findPathway(g.id()).orElseThrow(),
              Holdings.of(r.s(), held, r.learner().declaredCompetencies()), List.of());
          String asked = r.plans().goal().destination();
          boolean satisfied = audit.destinations().stream().anyMatch(d -> d.status() == Status.SATISFIED
              && (PlanRequest.NEAREST.equals(asked) || d.id().equals(asked)));
          assertTrue(satisfied, r.at("the audit does not confirm " + asked + ": "
              + audit.destinations().stream().map(DestinationResult::status).toList()));
        }
        case Goal.OccupationGoal g -> {
          IntSet essential = r.s().findOccupation(g.id()).orElseThrow().essential();
          assertTrue(essential.intersectionSize(known) >= Math.ceil(r.request().reach() * essential.size() - 1e-9),
              r.at("covers too few essential skills"));
        }
        case Goal.CompetencyGoal g -> {
          IntSet listed = ids(r.s(), g.ids(), true);
          assertTrue(listed.intersectionSize(known) >= Math.ceil(r.request().reach() * listed.size() - 1e-9),
              r.at("covers too few listed skills"));
        }
        case Goal.FieldGoal g -> throw new AssertionError("no field goals drawn");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anOptimalPlanIsNeverWorseThanGreedys(long seed) {
    Run r = run(seed);
    Plan best = r.plans().best();
    Plan greedy = r.plans().greedy();
    if (!best.optimal() || !greedy.reachesGoal() || r.request().objective() == Objective.VALUE) {
      return;
    }
    assertTrue(best.reachesGoal(), r.at("greedy reaches the goal, the optimal plan does not"));
    if (r.request().objective() == Objective.COST) {
      assertTrue(best.totals().cost() <= greedy.totals().cost() + 1e-6,
          r.at("optimal " + best.totals().cost() + " > greedy " + greedy.totals().cost()));
    } else {
      assertTrue(best.totals().hours() <= greedy.totals().hours() + 1e-6,
          r.at("optimal " + best.totals().hours() + " h > greedy " + greedy.totals().hours() + " h"));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void alternativesDifferInACredentialThatMatters(long seed) {
    Run r = run(seed);
    List<Plan> plans = r.plans().plans();
    assertTrue(plans.size() <= r.request().alternatives(), r.at("too many plans"));
    for (int k = 1; k < plans.size(); k++) {
      Set<Integer> mine = bought(plans.get(k));
      assertTrue(plans.get(k).difference().isPresent(), r.at("alternative " + (k + 1) + " says nothing of its difference"));
      for (int j = 0; j < k; j++) {
        assertFalse(mine.containsAll(bought(plans.get(j))),
            r.at("alternative " + (k + 1) + " keeps every credential of plan " + (j + 1)));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aGoalOutOfReachComesWithItsReasons(long seed) {
    Run r = run(seed);
    if (r.plans().best().reachesGoal()) {
      assertTrue(r.plans().blockers().isEmpty(), r.at("blockers on a plan that reaches the goal"));
      return;
    }
    assertTrue(r.plans().reason().isPresent(), r.at("no reason"));
    if (r.plans().solver().status() == SolverReport.Status.INFEASIBLE) {
      assertFalse(r.plans().blockers().isEmpty(), r.at("infeasible without a blocker"));
    }
  }

  private static Set<Integer> bought(Plan plan) {
    Set<Integer> set = new HashSet<>();
    plan.steps().stream().filter(s -> !s.granted()).forEach(s -> set.add(s.credential()));
    return set;
  }

  private static boolean complete(CatalogSnapshot s, int whole, BitSet has) {
    IntSet parts = s.stackedFrom(whole);
    double ects = s.credential(whole).ects();
    if (ects > 0) {
      double credits = 0;
      for (int p : parts.toArray()) {
        credits += has.get(p) ? s.credential(p).creditsToward(whole) : 0;
      }
      return credits >= ects - 1e-9;
    }
    return !parts.isEmpty() && parts.stream().allMatch(has::get);
  }

  private static IntSet ids(CatalogSnapshot s, List<String> ids) {
    return IntSet.of(ids.stream().mapToInt(id -> s.findCredential(id).orElseThrow().index()).toArray());
  }

  private static IntSet ids(CatalogSnapshot s, List<String> ids, boolean competencies) {
    return IntSet.of(ids.stream().mapToInt(id -> s.findCompetency(id).orElseThrow().index()).toArray());
  }
}
