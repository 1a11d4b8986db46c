package io.cairn.plan;

import static io.cairn.plan.PlanCatalog.allOf;
import static io.cairn.plan.PlanCatalog.atLeast;
import static io.cairn.plan.PlanCatalog.cred;
import static io.cairn.plan.PlanCatalog.destination;
import static io.cairn.plan.PlanCatalog.minCredits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.audit.AdvisorException;
import io.cairn.audit.Auditor;
import io.cairn.audit.Holdings;
import io.cairn.audit.Status;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planner on hand-made catalogs whose best plans are worked out by hand: where greedy is provably worse, where
 * only stacking reaches the goal cheaply, prerequisite chains, blockers, alternatives, the value objective and
 * pathway trees checked by the audit. The solver gets a generous time limit so that every answer is proved.
 */
class PlannerTest {
  private static final Planner PLANNER = Planner.builder().timeLimit(Duration.ofSeconds(20)).build();

  private static List<String> ids(CatalogSnapshot s, Plan plan) {
    return plan.steps().stream().map(step -> s.credential(step.credential()).id()).toList();
  }

  private static Set<String> idSet(CatalogSnapshot s, Plan plan) {
    return Set.copyOf(ids(s, plan));
  }

  /**
   * Six skills. A bundle L teaches four of them for 400; S1 and S2 teach three each (together all six) for 150
   * each. Greedy takes the bundle (the most coverage) and then still needs S1 and S2: 700. The best plan is S1 + S2:
   * 300.
   */
  @Test
  void beatsGreedyWhereTheBiggestStepIsTheWrongOne() {
    PlanCatalog c = new PlanCatalog();
    int[] t = new int[6];
    for (int i = 0; i < 6; i++) {
      t[i] = c.skill("t" + i);
    }
    c.spec(c.credential("bundle-l")).cost(400).teaches(t[0], t[1], t[2], t[3]);
    c.spec(c.credential("s1")).cost(150).teaches(t[0], t[1], t[4]);
    c.spec(c.credential("s2")).cost(150).teaches(t[2], t[3], t[5]);
    c.occupation("job", t);
    CatalogSnapshot s = c.snapshot();
    Plans plans = PLANNER.plan(s, PlanRequest.of(Learner.empty(), new Goal.OccupationGoal("job")));
    assertEquals(Plans.Source.SOLVER, plans.answeredBy());
    assertTrue(plans.best().optimal());
    assertEquals(Set.of("s1", "s2"), idSet(s, plans.best()));
    assertEquals(300, plans.best().totals().cost(), 1e-9);
    assertEquals(700, plans.greedy().totals().cost(), 1e-9, "greedy: " + ids(s, plans.greedy()));
    assertTrue(plans.best().reachesGoal() && plans.greedy().reachesGoal());
    assertEquals(300, plans.best().bound().getAsDouble(), 1e-9);
    assertEquals(0, plans.best().gap().getAsDouble(), 1e-9);
  }

  /**
   * Five skills. Z teaches four for 300, and only the certificate W teaches the fifth (500 bought). W's two parts
   * P1 and P2 (100 each) teach three of the skills and grant W when both are earned. Greedy takes Z, then buys W:
   * 800. The best plan earns P1 and P2 and is granted W: 200, W not bought again.
   */
  @Test
  void usesStackingWhereTheCheapBundleIsGrantedByItsParts() {
    PlanCatalog c = new PlanCatalog();
    int[] t = new int[5];
    for (int i = 0; i < 5; i++) {
      t[i] = c.skill("t" + i);
    }
    c.spec(c.credential("z")).cost(300).teaches(t[0], t[1], t[2], t[3]);
    int w = c.credential("cert-w");
    c.spec(w).cost(500).hours(100).teaches(t[3], t[4]);
    c.spec(c.credential("p1")).cost(100).teaches(t[0], t[1]).stacksInto(w, 0);
    c.spec(c.credential("p2")).cost(100).teaches(t[2]).stacksInto(w, 0);
    c.occupation("job", t);
    CatalogSnapshot s = c.snapshot();
    Plans plans = PLANNER.plan(s, PlanRequest.of(Learner.empty(), new Goal.OccupationGoal("job")));
    Plan best = plans.best();
    assertTrue(best.optimal());
    assertEquals(List.of("p1", "p2", "cert-w"), ids(s, best));
    PlanStep granted = best.steps().get(2);
    assertTrue(granted.granted(), "W comes from its parts");
    assertEquals(0, granted.cost(), 1e-9);
    assertEquals(List.of(1, 2), granted.needs());
    assertEquals(List.of(w), best.steps().get(1).completes(), "the second part completes the certificate");
    assertEquals(200, best.totals().cost(), 1e-9);
    assertEquals(1, best.totals().granted());
    assertEquals(800, plans.greedy().totals().cost(), 1e-9, "greedy: " + ids(s, plans.greedy()));
  }

  /** A credit-bearing whole is granted once its parts' transfer credits reach its ECTS: here two of three parts. */
  @Test
  void grantsACreditBearingWholeThroughCreditTransfer() {
    PlanCatalog c = new PlanCatalog();
    int a = c.skill("a");
    int b = c.skill("b");
    int whole = c.credential("cert");
    c.spec(whole).cost(900).ects(10).teaches(a, b);
    c.spec(c.credential("m1")).cost(100).ects(5).stacksInto(whole, 5);
    c.spec(c.credential("m2")).cost(120).ects(5).stacksInto(whole, 5);
    c.spec(c.credential("m3")).cost(300).ects(5).stacksInto(whole, 5);
    c.occupation("job", new int[] {a, b});
    CatalogSnapshot s = c.snapshot();
    Plan best = PLANNER.plan(s, PlanRequest.of(Learner.empty(), new Goal.OccupationGoal("job"))).best();
    assertEquals(List.of("m1", "m2", "cert"), ids(s, best));
    assertEquals(220, best.totals().cost(), 1e-9);
    assertEquals(10, best.totals().ects(), 1e-9, "the certificate's 10 ECTS are the modules' 10, not 20");
  }

  /**
   * A module that requires a skill it also teaches (the sample's Machine Learning requires Python and teaches it)
   * does not meet its own prerequisite: the plan earns a cheap Python badge first. Before the fix the plan check
   * counted the module's own teaching, pruned the badge away, then could not lay the plan out in steps, refused
   * every solver plan and answered with greedy's whole degree.
   */
  @Test
  void aCredentialThatTeachesItsOwnPrerequisiteDoesNotMeetIt() {
    PlanCatalog c = new PlanCatalog();
    int python = c.skill("python");
    int ml = c.skill("ml");
    c.spec(c.credential("python-badge")).cost(50).hours(30).teaches(python);
    c.spec(c.credential("ml-module")).cost(950).hours(250).requiresSkill(python).teaches(python, ml);
    c.spec(c.credential("degree")).cost(9600).hours(5400).teaches(python, ml);
    CatalogSnapshot s = c.snapshot();
    Plans plans = PLANNER.plan(s, PlanRequest.of(Learner.empty(), new Goal.CompetencyGoal(List.of("ml"))));
    assertEquals(Plans.Source.SOLVER, plans.answeredBy(), plans.solver().note());
    assertEquals(List.of("python-badge", "ml-module"), ids(s, plans.best()));
    assertEquals(1000, plans.best().totals().cost(), 1e-9);
    assertEquals(List.of(1), plans.best().steps().getLast().needs(), "the module needs the badge, step 1");
  }

  /** A chain of prerequisites comes in order and, at 10 hours a week, takes its weeks one after the other. */
  @Test
  void ordersPrerequisiteChainsAndLaysThemOutInWeeks() {
    PlanCatalog c = new PlanCatalog();
    int t = c.skill("t");
    int k = c.skill("k");
    int a = c.credential("a");
    c.spec(a).cost(10).hours(10);
    int b = c.credential("b");
    c.spec(b).cost(10).hours(20).requires(a);
    c.spec(c.credential("teaches-k")).cost(5).hours(5).teaches(k);
    c.spec(c.credential("c")).cost(10).hours(30).requires(b).requiresSkill(k).teaches(t);
    c.occupation("job", new int[] {t});
    CatalogSnapshot s = c.snapshot();
    Plan best = PLANNER.plan(s, PlanRequest.of(Learner.empty(), new Goal.OccupationGoal("job")).withHoursPerWeek(10))
        .best();
    List<String> order = ids(s, best);
    assertEquals(Set.of("a", "b", "c", "teaches-k"), Set.copyOf(order));
    assertTrue(order.indexOf("a") < order.indexOf("b") && order.indexOf("b") < order.indexOf("c")
        && order.indexOf("teaches-k") < order.indexOf("c"), order.toString());
    PlanStep last = best.steps().getLast();
    assertEquals("c", s.credential(last.credential()).id());
    assertEquals(List.of(order.indexOf("b") + 1, order.indexOf("teaches-k") + 1).stream().sorted().toList(),
        last.needs());
    assertEquals(65, last.running().hours(), 1e-9);
    assertEquals(7, last.endWeek(), "65 hours at 10 a week end in week 7");
    assertEquals(7, best.totals().weeks());
    PlanStep first = best.steps().getFirst();
    assertEquals(1, first.startWeek());
  }

  @Test
  void saysWhatBlocksAnUnreachableGoalAndGivesTheBestPartialPlan() {
    PlanCatalog c = new PlanCatalog();
    int taught = c.skill("taught");
    int untaught = c.skill("untaught");
    c.spec(c.credential("x")).cost(50).teaches(taught);
    c.occupation("job", new int[] {taught, untaught});
    CatalogSnapshot s = c.snapshot();
    Plans plans = PLANNER.plan(s, PlanRequest.of(Learner.empty(), new Goal.OccupationGoal("job")));
    assertFalse(plans.best().reachesGoal());
    assertEquals(List.of("x"), ids(s, plans.best()), "the best partial plan covers what can be covered");
    assertTrue(plans.blockers().stream().anyMatch(b -> b.kind() == Blocker.Kind.UNTAUGHT
        && b.competencies().contains(untaught)), plans.blockers().toString());
    assertTrue(plans.reason().orElseThrow().contains("untaught"), plans.reason().orElseThrow());
  }

  @Test
  void saysByHowMuchTheBudgetAndTheHoursFallShort() {
    PlanCatalog c = new PlanCatalog();
    int t = c.skill("t");
    int a = c.credential("a");
    c.spec(a).cost(100).hours(40);
    c.spec(c.credential("b")).cost(400).hours(40).requires(a).teaches(t);
    c.occupation("job", new int[] {t});
    CatalogSnapshot s = c.snapshot();
    Plans budget = PLANNER.plan(s, PlanRequest.of(Learner.empty(), new Goal.OccupationGoal("job"))
        .withConstraints(new Constraints(300, Double.POSITIVE_INFINITY, Set.of(), false, 8)));
    Blocker money = budget.blockers().stream().filter(b -> b.kind() == Blocker.Kind.BUDGET).findFirst().orElseThrow();
    assertEquals(200, money.amount(), 1e-9, money.detail());
    Plans hours = PLANNER.plan(s, PlanRequest.of(Learner.empty(), new Goal.OccupationGoal("job"))
        .withConstraints(new Constraints(Double.POSITIVE_INFINITY, 60, Set.of(), false, 8)));
    Blocker time = hours.blockers().stream().filter(b -> b.kind() == Blocker.Kind.HOURS).findFirst().orElseThrow();
    assertEquals(20, time.amount(), 1e-9, time.detail());
    assertTrue(time.detail().contains("1 of its steps are prerequisites"), time.detail());
  }

  @Test
  void honoursIncludesAndExcludesAndGivesGenuinelyDifferentAlternatives() {
    PlanCatalog c = new PlanCatalog();
    int t = c.skill("t");
    int u = c.skill("u");
    c.spec(c.credential("cheap")).cost(50).teaches(t, u);
    c.spec(c.credential("middle")).cost(80).hours(5).teaches(t, u).issuer(1);
    c.spec(c.credential("dear")).cost(200).teaches(t, u);
    c.spec(c.credential("extra")).cost(10).teaches(u);
    c.occupation("job", new int[] {t, u});
    CatalogSnapshot s = c.snapshot();
    Plans three = PLANNER.plan(s, PlanRequest.of(Learner.empty(), new Goal.OccupationGoal("job"))
        .withAlternatives(3));
    assertEquals(List.of(Set.of("cheap"), Set.of("middle"), Set.of("dear")),
        three.plans().stream().map(p -> idSet(s, p)).toList());
    Plan.Difference second = three.plans().get(1).difference().orElseThrow();
    assertEquals(30, second.cost(), 1e-9);
    assertEquals(-5, second.hours(), 1e-9);
    assertTrue(second.notes().contains("costs 30 EUR more"), second.notes().toString());
    assertTrue(second.notes().contains("5 hours shorter"), second.notes().toString());
    assertTrue(second.notes().contains("another issuer: Issuer Two"), second.notes().toString());
    Plans without = PLANNER.plan(s, PlanRequest.of(Learner.empty(), new Goal.OccupationGoal("job"))
        .withExclude(List.of("cheap")));
    assertEquals(Set.of("middle"), idSet(s, without.best()));
    Plans with = PLANNER.plan(s, PlanRequest.of(Learner.empty(), new Goal.OccupationGoal("job"))
        .withInclude(List.of("extra")));
    assertEquals(Set.of("cheap", "extra"), idSet(s, with.best()), "the included credential stays in the plan");
  }

  @Test
  void valueObjectiveCoversTheMostWithinTheBudget() {
    PlanCatalog c = new PlanCatalog();
    int[] t = new int[4];
    for (int i = 0; i < 4; i++) {
      t[i] = c.skill("t" + i);
    }
    c.spec(c.credential("wide")).cost(100).teaches(t[0], t[1], t[2]);
    c.spec(c.credential("one")).cost(60).teaches(t[0]);
    c.spec(c.credential("two")).cost(60).teaches(t[1], t[3]);
    c.occupation("job", t);
    CatalogSnapshot s = c.snapshot();
    Plans plans = PLANNER.plan(s, PlanRequest.of(Learner.empty(), new Goal.OccupationGoal("job"))
        .withObjective(Objective.VALUE).withConstraints(new Constraints(120, Double.POSITIVE_INFINITY, Set.of(),
            false, 8)));
    assertEquals(Set.of("wide"), idSet(s, plans.best()));
    assertEquals(3, plans.best().progress().met());
    assertFalse(plans.best().reachesGoal());
    assertTrue(plans.best().optimal());
  }

  /**
   * A pathway: core is one of A (100) or B (50); electives need 10 ECTS from C (5 ECTS, 100), D (10 ECTS, 300) or
   * the certificate W (10 ECTS, 400), whose two parts (80 each, 5 ECTS transfer each) grant it. Best: B and both
   * parts, W granted: 210. The audit of the plan's holdings confirms the destination.
   */
  @Test
  void plansToAPathwayDestinationThatTheAuditConfirms() {
    PathwayCase p = new PathwayCase();
    Plans plans = PLANNER.plan(p.s, PlanRequest.of(Learner.empty(), new Goal.PathwayGoal("path")));
    Plan best = plans.best();
    assertTrue(best.reachesGoal() && best.optimal());
    assertEquals(Set.of("b", "p1", "p2", "cert-w"), idSet(p.s, best));
    assertEquals(210, best.totals().cost(), 1e-9);
    assertEquals("final", plans.goal().destination());
    IntSet held = IntSet.of(best.steps().stream().mapToInt(PlanStep::credential).toArray());
    assertEquals(Status.SATISFIED, Auditor.standard().audit(p.s, p.s.pathway(0), Holdings.of(p.s, held,
        IntSet.empty()), List.of()).destinations().get(1).status());
  }

  @Test
  void honoursTheAdvisorsWaiversSubstitutesAndTheNearestDestination() {
    PathwayCase p = new PathwayCase();
    Plans waived = PLANNER.plan(p.s, PlanRequest.of(Learner.empty(), new Goal.PathwayGoal("path"))
        .withExceptions(List.of(AdvisorException.waive("electives", "prior learning"))));
    assertEquals(Set.of("b"), idSet(p.s, waived.best()));
    Plans substituted = PLANNER.plan(p.s, PlanRequest.of(Learner.empty(), new Goal.PathwayGoal("path"))
        .withExceptions(List.of(AdvisorException.waive("electives", ""),
            AdvisorException.substitute("leaf-a", p.x, "equivalent"))));
    assertEquals(Set.of("x"), idSet(p.s, substituted.best()), "X stands in for A and is the cheapest");
    Plans nearest = PLANNER.plan(p.s, PlanRequest.of(Learner.empty(), new Goal.PathwayGoal("path"))
        .withDestination(PlanRequest.NEAREST));
    assertEquals("exit", nearest.goal().destination());
    assertEquals(Set.of("b"), idSet(p.s, nearest.best()));
  }

  /**
   * The audit's best fit, planned for (issue 12's "two acceptable substitutes"): "ten" needs 10 ECTS from X (10 ECTS,
   * 300); the advisor accepts Alt5 (5 ECTS, listed first) or Alt10 (10 ECTS, 100) for X, and Alt5 is also a
   * requirement of its own. The learner holds Alt5. Buying Alt10 is enough when Alt10 stands in for X and Alt5
   * stays with its own requirement: 100. Declared-order assignment gives X's place to Alt5 (listed first), so under
   * it only X would do: 300. The plan is the best fit's, and the best-fit audit confirms it.
   */
  @Test
  void plansWithTheBestFitAssignmentWhereDeclaredOrderWouldPayMore() {
    PlanCatalog c = new PlanCatalog();
    int x = c.credential("x");
    c.spec(x).cost(300).ects(10);
    int alt5 = c.credential("alt5");
    c.spec(alt5).cost(60).ects(5);
    int alt10 = c.credential("alt10");
    c.spec(alt10).cost(100).ects(10);
    c.pathway("p", destination("d", -1, false, allOf("root", minCredits("ten", 10, cred("kx", x)),
        cred("kalt5", alt5))));
    CatalogSnapshot s = c.snapshot();
    List<AdvisorException> both = List.of(AdvisorException.substitute("kx", alt5, "listed first"),
        AdvisorException.substitute("kx", alt10, "listed second"));
    Plans plans = PLANNER.plan(s, PlanRequest.of(new Learner("", List.of("alt5"), List.of()),
        new Goal.PathwayGoal("p")).withExceptions(both));
    Plan best = plans.best();
    assertTrue(best.reachesGoal() && best.optimal(), best::toString);
    assertEquals(List.of("alt10"), ids(s, best));
    assertEquals(100, best.totals().cost(), 1e-9);
    Holdings after = Holdings.of(s, IntSet.of(alt5, alt10), IntSet.empty());
    assertEquals(Status.SATISFIED, Auditor.standard().audit(s, s.pathway(0), after, both).status());
    assertEquals(Status.PARTIAL, Auditor.greedy().audit(s, s.pathway(0), after, both).status(),
        "declared order would not count this plan: the best fit is what makes it enough");
  }

  @Test
  void anAlreadyReachedGoalNeedsNoStepsAndTheGreedyOnlyPlannerSaysWhoAnswered() {
    PlanCatalog c = new PlanCatalog();
    int t = c.skill("t");
    c.spec(c.credential("x")).cost(50).teaches(t);
    c.occupation("job", new int[] {t});
    CatalogSnapshot s = c.snapshot();
    Plans reached = PLANNER.plan(s, PlanRequest.of(new Learner("", List.of("x"), List.of()),
        new Goal.OccupationGoal("job")));
    assertTrue(reached.best().steps().isEmpty() && reached.best().reachesGoal());
    assertEquals(SolverReport.Status.NOT_NEEDED, reached.solver().status());
    Plans greedy = Planner.builder().greedyOnly().build().plan(s, PlanRequest.of(Learner.empty(),
        new Goal.OccupationGoal("job")));
    assertEquals(Plans.Source.GREEDY, greedy.answeredBy());
    assertEquals(List.of("x"), ids(s, greedy.best()));
  }

  /** The pathway of the tests above, with an off-ramp that needs only the core. */
  private static final class PathwayCase {
    final CatalogSnapshot s;
    final int x;

    PathwayCase() {
      PlanCatalog c = new PlanCatalog();
      int a = c.credential("a");
      c.spec(a).cost(100).ects(5);
      int b = c.credential("b");
      c.spec(b).cost(50).ects(5);
      int cc = c.credential("c");
      c.spec(cc).cost(100).ects(5);
      int d = c.credential("d");
      c.spec(d).cost(300).ects(10);
      int w = c.credential("cert-w");
      c.spec(w).cost(400).ects(10);
      c.spec(c.credential("p1")).cost(80).ects(5).stacksInto(w, 5);
      c.spec(c.credential("p2")).cost(80).ects(5).stacksInto(w, 5);
      x = c.credential("x");
      c.spec(x).cost(20).ects(5);
      var core = atLeast("core", 1, cred("leaf-a", a), cred("leaf-b", b));
      var electives = minCredits("electives", 10, cred("leaf-c", cc), cred("leaf-d", d), cred("leaf-w", w));
      c.pathway("path", destination("exit", -1, true, atLeast("exit-core", 1, cred("exit-a", a), cred("exit-b", b))),
          destination("final", -1, false, allOf("root", core, electives)));
      s = c.snapshot();
    }
  }
}
