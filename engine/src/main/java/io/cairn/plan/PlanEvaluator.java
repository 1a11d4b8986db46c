package io.cairn.plan;

import io.cairn.audit.AuditResult;
import io.cairn.audit.Auditor;
import io.cairn.audit.DestinationResult;
import io.cairn.audit.Holdings;
import io.cairn.audit.NodeResult;
import io.cairn.audit.Status;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.Destination;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.StackLink;
import io.cairn.rank.Target;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a set of credentials to buy on the Java side, independently of the solver: grants through stacking,
 * coverage and reach, totals, the pathway audit. It checks every plan before it is shown (the audit is the judge of
 * a pathway goal), drives the greedy baseline's stopping rule, and measures plans for their explanations.
 */
final class PlanEvaluator {
  private static final double EPSILON = 1e-9;
  private final Problem problem;
  private final Auditor auditor;

  PlanEvaluator(Problem problem, Auditor auditor) {
    this.problem = problem;
    this.auditor = auditor;
  }

  Problem problem() {
    return problem;
  }

  /** What buying {@code bought} (on top of the learner's holdings) leads to. */
  Outcome evaluate(IntSet bought) {
    CatalogSnapshot s = problem.snapshot();
    BitSet has = problem.learner().credentials().toBitSet();
    BitSet competencies = problem.learner().competencies().toBitSet();
    double cost = 0;
    double hours = 0;
    for (int i = 0; i < bought.size(); i++) {
      int c = bought.get(i);
      has.set(c);
      s.credential(c).teaches().stream().forEach(competencies::set);
      cost += s.facts().cost(c);
      hours += s.facts().hours(c);
    }
    List<Integer> granted = grant(has, competencies);
    return measure(bought, granted, IntSet.of(has), IntSet.of(competencies), cost, hours);
  }

  /** How far holding {@code has} (with {@code competencies}) goes toward the goal; no totals, no grants. */
  Outcome evaluateHoldings(IntSet has, IntSet competencies) {
    return measure(IntSet.empty(), List.of(), has, competencies, 0, 0);
  }

  private Outcome measure(IntSet bought, List<Integer> granted, IntSet has, IntSet competencies, double cost,
      double hours) {
    return switch (problem.aim()) {
      case Aim.Skills skills -> skills(skills, bought, granted, has, competencies, cost, hours);
      case Aim.PathwayAim pathway -> pathway(pathway, bought, granted, has, competencies, cost, hours);
    };
  }

  /**
   * Grants, to a fixed point, every whole not held whose parts are complete: all its direct parts for a whole
   * without credits, parts whose transfer credits reach its ECTS for a credit-bearing one; its own prerequisites
   * must be met too. Excluded credentials are never granted. Updates {@code has} and {@code competencies}.
   */
  List<Integer> grant(BitSet has, BitSet competencies) {
    CatalogSnapshot s = problem.snapshot();
    List<Integer> granted = new ArrayList<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      BitSet wholes = new BitSet();
      has.stream().forEach(c -> s.stacksIntoClosure(c).stream().forEach(wholes::set));
      for (int w = wholes.nextSetBit(0); w >= 0; w = wholes.nextSetBit(w + 1)) {
        if (!has.get(w) && !problem.exclude().contains(w) && complete(s, w, has) && prerequisitesMet(s, w, has,
            competencies)) {
          has.set(w);
          s.credential(w).teaches().stream().forEach(competencies::set);
          granted.add(w);
          changed = true;
        }
      }
    }
    return granted;
  }

  /** True when the parts of {@code whole} in {@code has} grant it. */
  static boolean complete(CatalogSnapshot s, int whole, BitSet has) {
    IntSet parts = s.stackedFrom(whole);
    if (parts.isEmpty()) {
      return false;
    }
    double ects = s.credential(whole).ects();
    if (ects > 0) {
      double credits = 0;
      for (int i = 0; i < parts.size(); i++) {
        if (has.get(parts.get(i))) {
          credits += s.credential(parts.get(i)).creditsToward(whole);
        }
      }
      return credits >= ects - EPSILON;
    }
    for (int i = 0; i < parts.size(); i++) {
      if (!has.get(parts.get(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean prerequisitesMet(CatalogSnapshot s, int credential, BitSet has, BitSet competencies) {
    Credential c = s.credential(credential);
    return c.requiredCredentials().stream().allMatch(has::get)
        && c.requiredCompetencies().stream().allMatch(competencies::get);
  }

  /**
   * True when {@code outcome} respects every constraint of the request: the budget and hours, each bought
   * credential fits the per-credential constraints (or was included), every prerequisite is held after the plan,
   * includes are in and excludes out.
   */
  boolean admissible(Outcome outcome) {
    CatalogSnapshot s = problem.snapshot();
    if (!admissibleTotals(outcome)) {
      return false;
    }
    BitSet has = outcome.has().toBitSet();
    BitSet competencies = outcome.competencies().toBitSet();
    for (int i = 0; i < outcome.bought().size(); i++) {
      int c = outcome.bought().get(i);
      boolean fits = problem.include().contains(c)
          || ProblemBuilder.fits(s.facts(), c, problem.request().constraints());
      if (!fits || problem.exclude().contains(c) || problem.held(c)) {
        return false;
      }
    }
    if (!orderable(outcome)) {
      return false;
    }
    return problem.include().stream().allMatch(has::get)
        && problem.exclude().stream().noneMatch(c -> has.get(c) && !problem.held(c));
  }

  /**
   * True when the plan's credentials can be earned one after another, each with its prerequisites met by what is
   * held before it (and a granted whole only once its parts are in). Checking the prerequisites against everything
   * the plan ends with is not enough: a credential that teaches the skill it requires (a Machine Learning module
   * that requires Python and teaches it) would meet its own prerequisite, and two credentials could meet each
   * other's; the solver's model rules both out, so such a plan could never be laid out in steps.
   */
  private boolean orderable(Outcome outcome) {
    CatalogSnapshot s = problem.snapshot();
    BitSet has = problem.learner().credentials().toBitSet();
    BitSet competencies = problem.learner().competencies().toBitSet();
    problem.learner().credentials().stream().forEach(c -> s.credential(c).teaches().stream()
        .forEach(competencies::set));
    Set<Integer> granted = Set.copyOf(outcome.granted());
    List<Integer> pending = new ArrayList<>(newlyHeld(outcome));
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (Iterator<Integer> it = pending.iterator(); it.hasNext(); ) {
        int c = it.next();
        if (prerequisitesMet(s, c, has, competencies) && (!granted.contains(c) || complete(s, c, has))) {
          has.set(c);
          s.credential(c).teaches().stream().forEach(competencies::set);
          it.remove();
          progress = true;
        }
      }
    }
    return pending.isEmpty();
  }

  /** True when the plan's totals are within the budget and the hours. */
  boolean admissibleTotals(Outcome outcome) {
    return outcome.cost() <= problem.budget() + 1e-6 && outcome.hours() <= problem.maxHours() + 1e-6;
  }

  /** Bought then granted credentials. */
  static List<Integer> newlyHeld(Outcome outcome) {
    List<Integer> all = new ArrayList<>();
    outcome.bought().stream().forEach(all::add);
    all.addAll(outcome.granted());
    return all;
  }

  private Outcome skills(Aim.Skills aim, IntSet bought, List<Integer> granted, IntSet has, IntSet competencies,
      double cost, double hours) {
    int met = aim.constrained().intersectionSize(competencies);
    int newlyMet = aim.unmet().intersectionSize(competencies);
    double value = 0;
    for (Target t : problem.targets().targets().values()) {
      if (competencies.contains(t.competency())) {
        value += t.weight();
      }
    }
    List<Integer> attained = new ArrayList<>();
    long offers = 0;
    for (NearbyOccupation o : problem.nearby()) {
      if (o.open().intersectionSize(competencies) >= o.need()) {
        attained.add(o.occupation());
        offers += o.offers();
      }
    }
    return new Outcome(bought, granted, has, competencies, cost, hours, met, aim.constrained().size(),
        newlyMet >= aim.required(), value, Optional.empty(), null, attained, offers);
  }

  private Outcome pathway(Aim.PathwayAim aim, IntSet bought, List<Integer> granted, IntSet has,
      IntSet competencies, double cost, double hours) {
    AuditResult audit = audit(aim, has);
    String reached = null;
    int bestMet = -1;
    int bestTotal = 0;
    for (DestinationResult d : audit.destinations()) {
      if (!allowed(aim, d.id())) {
        continue;
      }
      int[] counts = d.tree() == null ? new int[] {0, 0} : count(d.tree());
      int met = d.status() == Status.SATISFIED ? counts[1] : counts[0];
      if (d.status() == Status.SATISFIED && reached == null) {
        reached = d.id();
        bestMet = met;
        bestTotal = counts[1];
      } else if (reached == null && met > bestMet) {
        bestMet = met;
        bestTotal = counts[1];
      }
    }
    return new Outcome(bought, granted, has, competencies, cost, hours, Math.max(0, bestMet), bestTotal,
        reached != null, Math.max(0, bestMet), Optional.of(audit), reached, List.of(), 0);
  }

  AuditResult audit(Aim.PathwayAim aim, IntSet has) {
    Holdings holdings = Holdings.of(problem.snapshot(), has, problem.learner().declaredCompetencies());
    return auditor.audit(problem.snapshot(), aim.pathway(), holdings, aim.exceptions());
  }

  private static boolean allowed(Aim.PathwayAim aim, String destination) {
    for (Destination d : aim.destinations()) {
      if (d.id().equals(destination)) {
        return true;
      }
    }
    return false;
  }

  /** {satisfied nodes, all nodes} of a tree. */
  static int[] count(NodeResult node) {
    int[] counts = {node.status() == Status.SATISFIED ? 1 : 0, 1};
    for (NodeResult child : node.children()) {
      int[] c = count(child);
      counts[0] += c[0];
      counts[1] += c[1];
    }
    return counts;
  }

  /** ECTS a plan adds: bought credentials' own, and for a granted whole what it carries beyond its parts' credits. */
  static double ects(CatalogSnapshot s, Outcome outcome) {
    double ects = 0;
    for (int i = 0; i < outcome.bought().size(); i++) {
      ects += s.credential(outcome.bought().get(i)).ects();
    }
    for (int w : outcome.granted()) {
      ects += grantedEcts(s, w, outcome.has());
    }
    return ects;
  }

  /** What granting {@code whole} adds to the ECTS its parts in {@code has} already carry. */
  static double grantedEcts(CatalogSnapshot s, int whole, IntSet has) {
    double carried = 0;
    for (int part : s.stackedFrom(whole).toArray()) {
      if (has.contains(part)) {
        for (StackLink link : s.credential(part).stacksInto()) {
          carried += link.target() == whole ? link.transferCredits() : 0;
        }
      }
    }
    return Math.max(0, s.credential(whole).ects() - carried);
  }
}
