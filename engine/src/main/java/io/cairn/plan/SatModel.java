package io.cairn.plan;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as a CP-SAT model, variables first, then constraints: a boolean per candidate for buying it and, for a
 * whole with parts, one for being granted it; holding a candidate is buying or being granted it (never both: a
 * whole whose parts are complete is granted, not bought again). Prerequisites are implications, coverage of a skill
 * is a clause over its teachers, the budget and hours are linear, includes and excludes fix variables. The goal
 * (reach, or a pathway's requirement tree through {@link RequirementConstraints}) and the objective come next, from
 * {@link SatObjective}.
 */
final class SatModel {
  /** Costs in cents, hours in hundredths and credits in tenths: CP-SAT takes integer coefficients. */
  static final long COST_SCALE = 100;
  static final long HOURS_SCALE = 100;
  static final long CREDIT_SCALE = 10;

  final CpModel model = new CpModel();
  private final Problem problem;
  private final BoolVar[] buy;
  private final BoolVar[] grant;
  private final Literal[] has;
  private final Map<Integer, Literal> covered = new HashMap<>();
  private final Literal yes;
  private final Literal no;

  /**
   * @param budget when false the budget is not a constraint (to find the cheapest plan beyond it)
   * @param hours when false the hours limit is not a constraint
   */
  SatModel(Problem problem, boolean budget, boolean hours) {
    this.problem = problem;
    this.yes = model.trueLiteral();
    this.no = model.falseLiteral();
    CandidatePool pool = problem.pool();
    int n = pool.size();
    buy = new BoolVar[n];
    grant = new BoolVar[n];
    has = new Literal[n];
    for (int i = 0; i < n; i++) {
      String id = problem.snapshot().credential(pool.credential(i)).id();
      if (pool.purchasable(i)) {
        buy[i] = model.newBoolVar("buy " + id);
      }
      if (pool.hasParts(i)) {
        grant[i] = model.newBoolVar("granted " + id);
      }
      if (buy[i] != null && grant[i] != null) {
        BoolVar h = model.newBoolVar("has " + id);
        model.addEquality(LinearExpr.sum(new LinearArgument[] {buy[i], grant[i]}), h);
        has[i] = h;
      } else {
        has[i] = buy[i] != null ? buy[i] : grant[i];
      }
    }
    for (int i = 0; i < n; i++) {
      if (grant[i] != null) {
        grants(i);
      }
    }
    for (int i = 0; i < n; i++) {
      if (has[i] != null) {
        prerequisites(i);
      }
    }
    if (budget && Double.isFinite(problem.budget())) {
      model.addLessOrEqual(weighted(buy, c -> problem.snapshot().facts().cost(c), COST_SCALE),
          Math.round(Math.floor(problem.budget() * COST_SCALE + 1e-6)));
    }
    if (hours && Double.isFinite(problem.maxHours())) {
      model.addLessOrEqual(weighted(buy, c -> problem.snapshot().facts().hours(c), HOURS_SCALE),
          Math.round(Math.floor(problem.maxHours() * HOURS_SCALE + 1e-6)));
    }
    problem.include().stream().forEach(c -> {
      if (!problem.held(c)) {
        model.addBoolOr(new Literal[] {has(c)});
      }
    });
  }

  Problem problem() {
    return problem;
  }

  Literal yes() {
    return yes;
  }

  Literal no() {
    return no;
  }

  /** Holding {@code credential} after the plan: true when held, false when it is no candidate. */
  Literal has(int credential) {
    if (problem.held(credential)) {
      return yes();
    }
    int i = problem.pool().position(credential);
    return i < 0 || has[i] == null ? no() : has[i];
  }

  /** Holding {@code competency} after the plan: held, or taught by a credential held after it. */
  Literal covers(int competency) {
    if (problem.knows(competency)) {
      return yes();
    }
    return covered.computeIfAbsent(competency, k -> {
      List<Literal> teachers = new ArrayList<>();
      IntSet taughtBy = problem.snapshot().taughtBy(k);
      for (int t = 0; t < taughtBy.size(); t++) {
        Literal h = has(taughtBy.get(t));
        if (h != no) {
          teachers.add(h);
        }
      }
      if (teachers.isEmpty()) {
        return no();
      }
      if (teachers.size() == 1) {
        return teachers.getFirst();
      }
      BoolVar c = model.newBoolVar("covers " + problem.snapshot().competency(k).id());
      // linear rather than a clause, so that the LP relaxation sees it: covered <= sum of the teachers held
      model.addLessOrEqual(c, LinearExpr.sum(teachers.toArray(LinearArgument[]::new)));
      return c;
    });
  }

  /** Buying variables of the pool, null where a credential cannot be bought. */
  BoolVar[] buyVariables() {
    return buy;
  }

  /** Cost of the bought credentials in cents. */
  LinearExpr cost() {
    return weighted(buy, c -> problem.snapshot().facts().cost(c), COST_SCALE);
  }

  /** Hours of the bought credentials in hundredths. */
  LinearExpr hours() {
    return weighted(buy, c -> problem.snapshot().facts().hours(c), HOURS_SCALE);
  }

  /** The largest value {@link #cost()} or {@link #hours()} can take, for scaling a tie-break. */
  long maxWeighted(java.util.function.IntToDoubleFunction value, long scale) {
    long sum = 0;
    for (int i = 0; i < buy.length; i++) {
      if (buy[i] != null) {
        sum += Math.round(value.applyAsDouble(problem.pool().credential(i)) * scale);
      }
    }
    return sum;
  }

  LinearExpr weighted(BoolVar[] vars, java.util.function.IntToDoubleFunction value, long scale) {
    List<LinearArgument> args = new ArrayList<>();
    List<Long> coefficients = new ArrayList<>();
    for (int i = 0; i < vars.length; i++) {
      if (vars[i] != null) {
        long w = Math.round(value.applyAsDouble(problem.pool().credential(i)) * scale);
        if (w != 0) {
          args.add(vars[i]);
          coefficients.add(w);
        }
      }
    }
    return LinearExpr.weightedSum(args.toArray(LinearArgument[]::new),
        coefficients.stream().mapToLong(Long::longValue).toArray());
  }

  /** The plan's bought set in the solution of {@code solver}. */
  IntSet bought(com.google.ortools.sat.CpSolver solver) {
    List<Integer> bought = new ArrayList<>();
    for (int i = 0; i < buy.length; i++) {
      if (buy[i] != null && solver.booleanValue(buy[i])) {
        bought.add(problem.pool().credential(i));
      }
    }
    return IntSet.of(bought);
  }

  /** Starts the search from {@code bought} (the greedy plan, or the previous one). */
  void hint(IntSet bought) {
    for (int i = 0; i < buy.length; i++) {
      if (buy[i] != null) {
        model.addHint(buy[i], bought.contains(problem.pool().credential(i)) ? 1 : 0);
      }
    }
  }

  /**
   * Forbids every plan that buys all of {@code bought}: the next plan does without at least one of its credentials,
   * so it differs in a credential that matters, not only by an addition. False when that leaves no plan at all.
   */
  boolean forbidSupersetsOf(IntSet bought) {
    List<Literal> dropOne = new ArrayList<>();
    for (int k = 0; k < bought.size(); k++) {
      int i = problem.pool().position(bought.get(k));
      if (i >= 0 && buy[i] != null && !problem.include().contains(bought.get(k))) {
        dropOne.add(buy[i].not());
      }
    }
    if (dropOne.isEmpty()) {
      return false;
    }
    model.addBoolOr(dropOne);
    return true;
  }

  /** Forbids exactly the bought set {@code bought} (after the audit refused it). */
  void forbid(IntSet bought) {
    List<Literal> differ = new ArrayList<>();
    for (int i = 0; i < buy.length; i++) {
      if (buy[i] != null) {
        differ.add(bought.contains(problem.pool().credential(i)) ? buy[i].not() : buy[i]);
      }
    }
    model.addBoolOr(differ);
  }

  /**
   * A whole is granted only when its parts are complete (all direct parts for a whole without credits, enough
   * transfer credits for a credit-bearing one), and, when it has no prerequisites of its own, it is granted as soon
   * as they are: then it is never bought again.
   */
  private void grants(int i) {
    CatalogSnapshot s = problem.snapshot();
    int whole = problem.pool().credential(i);
    Credential w = s.credential(whole);
    IntSet parts = s.stackedFrom(whole);
    boolean ownPrerequisites = !w.requiredCredentials().minus(parts).isEmpty() || !w.requiredCompetencies().isEmpty();
    if (w.ects() > 0) {
      List<LinearArgument> args = new ArrayList<>();
      List<Long> credits = new ArrayList<>();
      long heldCredits = 0;
      long possible = 0;
      for (int k = 0; k < parts.size(); k++) {
        int part = parts.get(k);
        long t = Math.round(s.credential(part).creditsToward(whole) * CREDIT_SCALE);
        Literal h = has(part);
        if (t <= 0 || h == no) {
          continue;
        }
        if (h == yes) {
          heldCredits += t;
        } else {
          args.add(h);
          credits.add(t);
        }
        possible += t;
      }
      long needed = Math.round(w.ects() * CREDIT_SCALE);
      if (possible < needed) {
        model.addEquality(grant[i], 0);
        return;
      }
      LinearExpr sum = LinearExpr.weightedSum(args.toArray(LinearArgument[]::new),
          credits.stream().mapToLong(Long::longValue).toArray());
      // granted -> the parts' credits reach the whole's: sum + held >= needed * granted
      model.addGreaterOrEqual(LinearExpr.newBuilder().add(sum).addTerm(grant[i], -needed).build(), -heldCredits);
      if (!ownPrerequisites) {
        // credits reached -> granted: sum + held <= needed - 1 + big * granted
        model.addLessOrEqual(LinearExpr.newBuilder().add(sum).addTerm(grant[i], -possible).build(),
            needed - 1 - heldCredits);
      }
      return;
    }
    List<Literal> missing = new ArrayList<>();
    for (int k = 0; k < parts.size(); k++) {
      Literal h = has(parts.get(k));
      if (h == no) {
        model.addEquality(grant[i], 0);
        return;
      }
      if (h != yes) {
        model.addImplication(grant[i], h);
        missing.add(h.not());
      }
    }
    if (!ownPrerequisites) {
      missing.add(grant[i]);
      model.addBoolOr(missing);
    }
  }

  /** Holding a candidate implies holding its prerequisite credentials and competencies. */
  private void prerequisites(int i) {
    CatalogSnapshot s = problem.snapshot();
    int c = problem.pool().credential(i);
    if (!s.facts().hasPrerequisites(c)) {
      return;
    }
    Credential credential = s.credential(c);
    for (int p : credential.requiredCredentials().toArray()) {
      Literal h = has(p);
      if (h == no) {
        model.addEquality(LinearExpr.term(has[i], 1), 0);
      } else if (h != yes) {
        model.addImplication(has[i], h);
      }
    }
    for (int k : credential.requiredCompetencies().toArray()) {
      if (problem.knows(k)) {
        continue;
      }
      List<Literal> teachers = new ArrayList<>();
      teachers.add(has[i].not());
      IntSet taughtBy = s.taughtBy(k);
      for (int t = 0; t < taughtBy.size(); t++) {
        Literal h = taughtBy.get(t) == c ? no() : has(taughtBy.get(t));
        if (h != no) {
          teachers.add(h);
        }
      }
      model.addBoolOr(teachers);
    }
  }
}
