package io.cairn.plan;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Says exactly what keeps a goal out of reach under the constraints: skills no credential teaches, skills only
 * ruled-out credentials teach, an included credential that does not fit, a budget short by so much (the cheapest
 * plan without the budget), hours short by so much (the shortest plan without the hours limit), or prerequisites
 * that cannot be met. The solver answers the what-ifs; without it only the counting checks run.
 */
final class Diagnosis {
  private static final int NAMED = 5;

  private Diagnosis() {}

  static List<Blocker> diagnose(Problem p, Optional<Solves> solves) {
    List<Blocker> blockers = new ArrayList<>();
    included(p, blockers);
    boolean countingBlocks = p.aim() instanceof Aim.Skills skills && skills(p, skills, blockers);
    if (countingBlocks || solves.isEmpty()) {
      return blockers;
    }
    Solves s = solves.get();
    Solves.Ask cheapest = Solves.Ask.of(Objective.COST, true, null).relaxed(false, false);
    Optional<CpSat.Result> free = s.run(cheapest, 0.5);
    if (free.isEmpty() || free.get().bought().isEmpty()) {
      if (free.isPresent() && free.get().infeasible()) {
        blockers.add(new Blocker(Blocker.Kind.PREREQUISITES, "no combination of credentials that fit the "
            + "per-credential constraints (modes, credit-bearing, EQF level, exclusions) reaches the goal, whatever "
            + "the budget and hours: what would reach it needs prerequisites or parts that are ruled out",
            IntSet.empty(), IntSet.empty(), 0));
      }
      return blockers;
    }
    CatalogSnapshot snapshot = p.snapshot();
    IntSet plan = free.get().bought().get();
    double cost = sum(snapshot, plan, true);
    if (cost > p.budget() + 0.005) {
      blockers.add(new Blocker(Blocker.Kind.BUDGET, String.format(Locale.ROOT,
          "the budget is short by %.0f: the cheapest plan that reaches the goal costs %.0f, the budget is %.0f",
          cost - p.budget(), cost, p.budget()), IntSet.empty(), plan, cost - p.budget()));
    }
    Optional<CpSat.Result> quick = s.run(Solves.Ask.of(Objective.TIME, true, plan).relaxed(true, false), 1.0);
    if (quick.isPresent() && quick.get().bought().isPresent()) {
      IntSet fast = quick.get().bought().get();
      double hours = sum(snapshot, fast, false);
      if (hours > p.maxHours() + 0.005) {
        int chain = prerequisiteSteps(snapshot, fast);
        blockers.add(new Blocker(Blocker.Kind.HOURS, String.format(Locale.ROOT,
            "the hours are short by %.0f: the shortest plan %sneeds %.0f hours%s, the limit is %.0f",
            hours - p.maxHours(), blockers.isEmpty() ? "" : "within the budget ", hours,
            chain > 0 ? " (" + chain + " of its steps are prerequisites of later ones)" : "", p.maxHours()),
            IntSet.empty(), fast, hours - p.maxHours()));
      }
    }
    if (blockers.isEmpty()) {
      double hours = sum(snapshot, plan, false);
      blockers.add(new Blocker(Blocker.Kind.BUDGET, String.format(Locale.ROOT, "no plan fits both limits: the "
          + "cheapest plan costs %.0f and needs %.0f hours; allow more of one of them", cost, hours),
          IntSet.empty(), plan, 0));
    }
    return blockers;
  }

  /**
   * Blocks found by counting alone (skills nobody teaches, skills only ruled-out credentials teach); added, and
   * true, only when they already explain why the reach is out of range.
   */
  private static boolean skills(Problem p, Aim.Skills aim, List<Blocker> blockers) {
    CatalogSnapshot s = p.snapshot();
    List<Integer> untaught = new ArrayList<>();
    List<Integer> ruledOut = new ArrayList<>();
    for (int k : aim.unmet().toArray()) {
      IntSet teachers = s.taughtBy(k);
      if (teachers.isEmpty()) {
        untaught.add(k);
      } else if (teachers.stream().noneMatch(t -> usable(p, t))) {
        ruledOut.add(k);
      }
    }
    int teachable = aim.unmet().size() - untaught.size() - ruledOut.size();
    if (teachable >= aim.required()) {
      return false;
    }
    int missing = aim.required() - teachable;
    blockers.add(new Blocker(Blocker.Kind.UNTAUGHT, String.format(Locale.ROOT,
        "at most %d of the %d skills the goal counts can be held (%d already are), and reach %.0f%% needs %d: "
            + "%d short", aim.held() + teachable, aim.constrained().size(), aim.held(), 100 * p.request().reach(),
        aim.held() + aim.required(), missing), IntSet.empty(), IntSet.empty(), missing));
    if (!untaught.isEmpty()) {
      blockers.add(new Blocker(Blocker.Kind.UNTAUGHT, "no credential in the catalog teaches " + untaught.size()
          + " of the skills the goal needs: " + labels(s, untaught), IntSet.of(untaught), IntSet.empty(),
          untaught.size()));
    }
    if (!ruledOut.isEmpty()) {
      blockers.add(new Blocker(Blocker.Kind.RULED_OUT, "only credentials that the constraints or exclusions rule "
          + "out teach " + ruledOut.size() + " of the skills the goal needs: " + labels(s, ruledOut),
          IntSet.of(ruledOut), IntSet.empty(), ruledOut.size()));
    }
    return true;
  }

  private static void included(Problem p, List<Blocker> blockers) {
    for (int c : p.include().toArray()) {
      if (p.held(c)) {
        continue;
      }
      double cost = p.snapshot().facts().cost(c);
      double hours = p.snapshot().facts().hours(c);
      if (cost > p.budget() + 0.005 || hours > p.maxHours() + 0.005) {
        blockers.add(new Blocker(Blocker.Kind.INCLUDED, String.format(Locale.ROOT,
            "the included %s alone costs %.0f and takes %.0f hours, more than the limits allow",
            p.snapshot().credential(c).name(), cost, hours), IntSet.empty(), IntSet.of(c), 0));
        continue;
      }
      // its prerequisite credentials come with it: every one not held must be taken first
      IntSet before = prerequisites(p, c);
      double withCost = cost;
      double withHours = hours;
      for (int i = 0; i < before.size(); i++) {
        withCost += p.snapshot().facts().cost(before.get(i));
        withHours += p.snapshot().facts().hours(before.get(i));
      }
      if (!before.isEmpty() && (withCost > p.budget() + 0.005 || withHours > p.maxHours() + 0.005)) {
        blockers.add(new Blocker(Blocker.Kind.INCLUDED, String.format(Locale.ROOT,
            "the included %s with the prerequisites it needs first (%s) costs %.0f and takes %.0f hours, more than"
                + " the limits allow", p.snapshot().credential(c).name(), before.stream().mapToObj(k ->
                p.snapshot().credential(k).name()).collect(Collectors.joining(", ")), withCost, withHours),
            IntSet.empty(), IntSet.of(c), 0));
      }
    }
  }

  /** The credentials {@code credential} requires, transitively, that the learner does not hold. */
  private static IntSet prerequisites(Problem p, int credential) {
    java.util.BitSet seen = new java.util.BitSet();
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
    todo.add(credential);
    while (!todo.isEmpty()) {
      IntSet required = p.snapshot().credential(todo.poll()).requiredCredentials();
      for (int i = 0; i < required.size(); i++) {
        int r = required.get(i);
        if (!p.held(r) && !seen.get(r)) {
          seen.set(r);
          todo.add(r);
        }
      }
    }
    return IntSet.of(seen);
  }

  private static boolean usable(Problem p, int credential) {
    int i = p.pool().position(credential);
    return p.held(credential) || i >= 0 && (p.pool().purchasable(i) || p.pool().hasParts(i));
  }

  private static double sum(CatalogSnapshot s, IntSet plan, boolean cost) {
    double sum = 0;
    for (int c : plan.toArray()) {
      sum += cost ? s.facts().cost(c) : s.facts().hours(c);
    }
    return sum;
  }

  /** How many credentials of {@code plan} are there because another one of it requires them. */
  private static int prerequisiteSteps(CatalogSnapshot s, IntSet plan) {
    int n = 0;
    for (int c : plan.toArray()) {
      boolean required = false;
      for (int other : plan.toArray()) {
        required |= s.credential(other).requiredCredentials().contains(c)
            || s.credential(other).requiredCompetencies().intersectionSize(s.credential(c).teaches()) > 0;
      }
      n += required ? 1 : 0;
    }
    return n;
  }

  private static String labels(CatalogSnapshot s, List<Integer> competencies) {
    String named = competencies.stream().limit(NAMED).map(k -> s.competency(k).label())
        .collect(Collectors.joining(", "));
    return named + (competencies.size() > NAMED ? " and " + (competencies.size() - NAMED) + " more" : "");
  }
}
