package io.cairn.plan;

import io.cairn.audit.OpenLeaf;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.StackLink;
import io.cairn.rank.RequirementStep;
import io.cairn.rank.Target;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders a plan's credentials into steps (topologically: every prerequisite first, a granted whole right after the
 * part that completes it), lays them out in weeks at the learner's pace, and explains each step: what it newly
 * covers, which requirements it counts toward, what it stacks into and completes, which earlier steps it needs, and
 * the totals so far.
 */
final class StepLayout {
  private static final Comparator<Target> HEAVIEST_FIRST =
      Comparator.comparingDouble(Target::weight).reversed().thenComparingInt(Target::competency);

  private final PlanEvaluator evaluator;
  private final Outcome before;
  private final List<OpenLeaf> openLeaves;

  StepLayout(PlanEvaluator evaluator, Outcome before) {
    this.evaluator = evaluator;
    this.before = before;
    this.openLeaves = before.audit().map(a -> a.openLeaves()).orElse(List.of());
  }

  /** The laid-out plan, or empty when its credentials cannot be ordered (a prerequisite cycle). */
  record Laid(List<PlanStep> steps, Plan.Totals totals, Plan.Progress progress) {}

  /**
   * @param order the order to keep when it is possible (greedy's own); null to order by what each step newly covers
   */
  Optional<Laid> lay(Outcome outcome, List<Integer> order) {
    Problem p = evaluator.problem();
    CatalogSnapshot s = p.snapshot();
    BitSet done = p.learner().credentials().toBitSet();
    BitSet known = p.learner().competencies().toBitSet();
    List<Integer> pending = new ArrayList<>(order != null ? order : outcome.bought().stream().boxed().toList());
    List<Integer> toGrant = new ArrayList<>(outcome.granted());
    Map<Integer, Integer> position = new HashMap<>();
    List<PlanStep> steps = new ArrayList<>();
    Running running = new Running(p.request().hoursPerWeek());
    while (!pending.isEmpty() || !toGrant.isEmpty()) {
      int granted = nextGrant(s, toGrant, done, known);
      if (granted >= 0) {
        toGrant.remove((Integer) granted);
        steps.add(step(s, granted, true, done, known, position, running, outcome));
        continue;
      }
      int next = order != null ? firstReady(s, pending, done, known) : bestReady(s, pending, done, known);
      if (next < 0) {
        return Optional.empty();
      }
      pending.remove((Integer) next);
      steps.add(step(s, next, false, done, known, position, running, outcome));
    }
    completes(s, steps);
    String currency = steps.isEmpty() ? p.currency() : s.credential(steps.getFirst().credential()).currency();
    Plan.Totals totals = new Plan.Totals(outcome.cost(), currency, outcome.hours(), PlanEvaluator.ects(s, outcome),
        running.week(), outcome.bought().size(), outcome.granted().size());
    Plan.Progress progress = new Plan.Progress(before.share(), outcome.share(), outcome.met(), outcome.total(),
        Math.max(0, outcome.value() - before.value()), outcome.attained().size(), outcome.attainedOffers());
    return Optional.of(new Laid(steps, totals, progress));
  }

  private static int nextGrant(CatalogSnapshot s, List<Integer> toGrant, BitSet done, BitSet known) {
    for (int w : toGrant) {
      if (PlanEvaluator.complete(s, w, done) && PlanEvaluator.prerequisitesMet(s, w, done, known)) {
        return w;
      }
    }
    return -1;
  }

  private static int firstReady(CatalogSnapshot s, List<Integer> pending, BitSet done, BitSet known) {
    for (int c : pending) {
      if (PlanEvaluator.prerequisitesMet(s, c, done, known)) {
        return c;
      }
    }
    return -1;
  }

  /** The ready credential that newly covers the most, counting half of what the pending ones it unlocks cover. */
  private int bestReady(CatalogSnapshot s, List<Integer> pending, BitSet done, BitSet known) {
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c : pending) {
      if (!PlanEvaluator.prerequisitesMet(s, c, done, known)) {
        continue;
      }
      double score = newWeight(s, c, known);
      for (int other : pending) {
        Credential o = s.credential(other);
        if (other != c && (o.requiredCredentials().contains(c)
            || o.requiredCompetencies().intersectionSize(s.credential(c).teaches()) > 0)) {
          score += 0.5 * newWeight(s, other, known) + 1e-6;
        }
      }
      score -= 1e-9 * s.facts().cost(c);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  private double newWeight(CatalogSnapshot s, int c, BitSet known) {
    double w = 0;
    IntSet teaches = s.credential(c).teaches();
    for (int i = 0; i < teaches.size(); i++) {
      if (!known.get(teaches.get(i))) {
        w += evaluator.problem().targets().weight(teaches.get(i));
      }
    }
    return w;
  }

  private PlanStep step(CatalogSnapshot s, int c, boolean granted, BitSet done, BitSet known,
      Map<Integer, Integer> position, Running running, Outcome outcome) {
    Problem p = evaluator.problem();
    Credential credential = s.credential(c);
    List<Target> covers = new ArrayList<>();
    for (int k : credential.teaches().toArray()) {
      Target t = p.targets().targets().get(k);
      if (t != null && !known.get(k)) {
        covers.add(t);
      }
    }
    covers.sort(HEAVIEST_FIRST);
    List<Integer> needs = new ArrayList<>();
    if (granted) {
      s.stackedFrom(c).stream().filter(position::containsKey).forEach(part -> needs.add(position.get(part)));
    }
    credential.requiredCredentials().stream().filter(position::containsKey).forEach(r -> needs.add(position.get(r)));
    for (int k : credential.requiredCompetencies().toArray()) {
      if (!p.knows(k)) {
        position.entrySet().stream().filter(e -> s.credential(e.getKey()).teaches().contains(k))
            .mapToInt(Map.Entry::getValue).min().ifPresent(needs::add);
      }
    }
    List<Integer> stacksInto = new ArrayList<>();
    for (StackLink link : credential.stacksInto()) {
      if (outcome.has().contains(link.target())) {
        stacksInto.add(link.target());
      }
    }
    done.set(c);
    credential.teaches().stream().forEach(known::set);
    double cost = granted ? 0 : credential.cost();
    double hours = granted ? 0 : credential.hours();
    double ects = granted ? PlanEvaluator.grantedEcts(s, c, outcome.has()) : credential.ects();
    int[] weeks = running.add(cost, hours, ects);
    Outcome sofar = evaluator.evaluateHoldings(IntSet.of(done), IntSet.of(known));
    int at = position.size() + 1;
    position.put(c, at);
    return new PlanStep(at, c, granted, cost, hours, ects, weeks[0], weeks[1], covers, RequirementStep.advancedBy(credential, openLeaves),
        stacksInto, List.of(), needs.stream().sorted().distinct().toList(),
        new PlanStep.Running(running.cost, running.hours, running.ects, sofar.share(), sofar.reaches()));
  }

  /** Fills each step's {@code completes}: the granted steps whose last part it is. */
  private static void completes(CatalogSnapshot s, List<PlanStep> steps) {
    for (int i = 0; i < steps.size(); i++) {
      PlanStep granted = steps.get(i);
      if (!granted.granted() || granted.needs().isEmpty()) {
        continue;
      }
      int last = granted.needs().getLast() - 1;
      PlanStep part = steps.get(last);
      List<Integer> completes = new ArrayList<>(part.completes());
      completes.add(granted.credential());
      steps.set(last, new PlanStep(part.position(), part.credential(), part.granted(), part.cost(), part.hours(),
          part.ects(), part.startWeek(), part.endWeek(), part.covers(), part.advances(), part.stacksInto(), completes,
          part.needs(), part.running()));
    }
  }

  /** Running totals and the calendar: steps follow each other at the learner's hours per week. */
  private static final class Running {
    private final double hoursPerWeek;
    double cost;
    double hours;
    double ects;
    private int lastWeek;

    Running(double hoursPerWeek) {
      this.hoursPerWeek = hoursPerWeek;
    }

    /** Adds a step and returns its first and last week (0, 0 without a calendar). */
    int[] add(double stepCost, double stepHours, double stepEcts) {
      double start = hours;
      cost += stepCost;
      hours += stepHours;
      ects += stepEcts;
      if (hoursPerWeek <= 0) {
        return new int[] {0, 0};
      }
      if (stepHours <= 0) {
        return new int[] {Math.max(1, lastWeek), Math.max(1, lastWeek)};
      }
      int first = (int) Math.floor(start / hoursPerWeek + 1e-9) + 1;
      int last = Math.max(first, (int) Math.ceil(hours / hoursPerWeek - 1e-9));
      lastWeek = last;
      return new int[] {first, last};
    }

    int week() {
      return lastWeek;
    }
  }
}
