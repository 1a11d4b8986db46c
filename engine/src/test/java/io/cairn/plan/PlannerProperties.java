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

  static Stream<Long> pathwaySeeds() {
    return LongStream.range(0, PATHWAY_SEEDS).map(i -> 0x7A7B0000L + i * 104729).boxed();
  }

  private static final int PATHWAY_SEEDS = 40;
  private static final Map<Long, Run> PATHWAY_RUNS = new ConcurrentHashMap<>();

  /**
   * A pathway goal only: random holdings, a budget that is usually generous, a destination (the final one, the
   * nearest, or one named) and, half the time, advisor exceptions (a requirement waived, a credential leaf
   * substituted by another credential) that the plan and the audit must both apply.
   */
  private static Run pathwayRun(long seed) {
    return PATHWAY_RUNS.computeIfAbsent(seed, k -> {
      CatalogSnapshot s = sample();
      Random random = new Random(seed);
      List<String> held = new ArrayList<>();
      for (int i = random.nextInt(5); i > 0; i--) {
        held.add(s.credential(random.nextInt(s.credentials().size())).id());
      }
      io.cairn.catalog.Pathway pathway = s.pathway(random.nextInt(s.pathways().size()));
      List<io.cairn.catalog.Destination> destinations = pathway.destinations();
      String destination = switch (random.nextInt(3)) {
        case 0 -> null;
        case 1 -> PlanRequest.NEAREST;
        default -> destinations.get(random.nextInt(destinations.size())).id();
      };
      List<io.cairn.audit.AdvisorException> exceptions = new ArrayList<>();
      List<io.cairn.catalog.Requirement> nodes = new ArrayList<>();
      destinations.forEach(d -> collect(d.requirement(), nodes));
      // an advisor may not waive a destination's whole requirement (the audit refuses it), only what is under it
      destinations.forEach(d -> nodes.remove(d.requirement()));
      if (random.nextBoolean() && !nodes.isEmpty()) {
        io.cairn.catalog.Requirement node = nodes.get(random.nextInt(nodes.size()));
        if (node instanceof io.cairn.catalog.Requirement.CredentialLeaf leaf && random.nextBoolean()) {
          exceptions.add(io.cairn.audit.AdvisorException.substitute(leaf.id(),
              random.nextInt(s.credentials().size()), "equivalent, by the advisor"));
        } else {
          exceptions.add(io.cairn.audit.AdvisorException.waive(id(node), "prior learning"));
        }
      }
      double[] budgets = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 3000, 800};
      Constraints constraints = new Constraints(budgets[random.nextInt(budgets.length)], Double.POSITIVE_INFINITY,
          Set.of(), false, 8);
      PlanRequest request = new PlanRequest(new Learner("random", held, List.of()),
          new Goal.PathwayGoal(pathway.id()), constraints, random.nextBoolean() ? Objective.COST : Objective.TIME, 1,
          0, List.of(), List.of(), 1 + random.nextInt(3), destination, exceptions);
      return new Run(seed, s, request, ResolvedLearner.resolve(s, request.learner()), PLANNER.plan(s, request));
    });
  }

  private static void collect(io.cairn.catalog.Requirement node, List<io.cairn.catalog.Requirement> into) {
    if (node == null) {
      return;
    }
    into.add(node);
    if (node instanceof io.cairn.catalog.Requirement.Condition c) {
      c.children().forEach(child -> collect(child, into));
    }
  }

  private static String id(io.cairn.catalog.Requirement node) {
    return switch (node) {
      case io.cairn.catalog.Requirement.Condition c -> c.id();
      case io.cairn.catalog.Requirement.CredentialLeaf l -> l.id();
      case io.cairn.catalog.Requirement.CompetencyLeaf l -> l.id();
    };
  }

  /**
   * Every plan (the best, its alternatives, greedy's) marked as reaching a pathway goal passes the best-fit audit
   * ({@link Auditor#standard()}) of the learner's holdings plus the plan's credentials, with the same advisor
   * exceptions: the destination the answer names is satisfied, and it is the one asked for (or, for "nearest", one
   * of the pathway's).
   */
  @ParameterizedTest
  @MethodSource("pathwaySeeds")
  void aPlanMarkedAsReachingAPathwayGoalPassesTheAudit(long seed) {
    Run r = pathwayRun(seed);
    String asked = r.request().destination();
    io.cairn.catalog.Pathway pathway = r.s().findPathway(((Goal.PathwayGoal) r.request().goal()).id()).orElseThrow();
    for (Plan plan : r.all()) {
      if (!plan.reachesGoal()) {
        continue;
      }
      String named = plan.destination();
      assertTrue(named != null, r.at("a plan reaches a pathway goal without naming its destination"));
      if (plan == r.plans().best()) {
        assertEquals(named, r.plans().goal().destination(), r.at("the goal names another destination"));
      }
      if (asked != null && !PlanRequest.NEAREST.equals(asked)) {
        assertEquals(asked, named, r.at("planned to another destination than the one asked"));
      }
      IntSet held = r.learner().credentials().union(IntSet.of(plan.steps().stream().mapToInt(PlanStep::credential)
          .toArray()));
      AuditResult audit = Auditor.standard().audit(r.s(), pathway,
          Holdings.of(r.s(), held, r.learner().declaredCompetencies()), r.request().exceptions());
      DestinationResult d = audit.destination(named).orElseThrow(() -> new AssertionError(r.at("no destination "
          + named).get()));
      assertEquals(Status.SATISFIED, d.status(), r.at("the best-fit audit (" + d.fit() + ") reads " + named + " "
          + d.status() + " for plan " + (plan == r.plans().greedy() ? "greedy" : r.all().indexOf(plan) + 1)
          + " said to reach it: " + plan.steps().stream().map(st -> r.s().credential(st.credential()).id())
          .toList()));
    }
  }

  /** The property above is not vacuous: most drawn pathway requests are reached, so most plans are audited. */
  @org.junit.jupiter.api.Test
  void mostDrawnPathwayRequestsAreReachedSoTheAuditPropertyIsExercised() {
    long reached = pathwaySeeds().filter(seed -> pathwayRun(seed).plans().best().reachesGoal()).count();
    long withExceptions = pathwaySeeds().filter(seed -> pathwayRun(seed).plans().best().reachesGoal()
        && !pathwayRun(seed).request().exceptions().isEmpty()).count();
    assertTrue(reached >= PATHWAY_SEEDS / 2, "only " + reached + " of " + PATHWAY_SEEDS + " reached");
    assertTrue(withExceptions >= 5, "only " + withExceptions + " reached with advisor exceptions");
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
