package io.cairn.audit;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.Requirement.Condition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The best-fit assignment as a CP-SAT model: a boolean per (credential leaf, option), at most one whole or else
 * some parts per leaf, each credential at most once per conflict class, every node's status from its rule, and one
 * objective that orders the tree's status, then the nodes satisfied, then the capped credits, then closeness to
 * the greedy assignment (which is also the hint). Credits are integers: thousandths of an ECTS divided by their
 * greatest common divisor over the tree (5 ECTS modules give units of 5 ECTS), which keeps the domains small.
 */
final class BestFitModel {
  static final long MILLI = 1000;
  private final AuditTree tree;
  private final long unit;
  private final Use[] greedy;
  private final CpModel model = new CpModel();
  private final BoolVar[][] wholes;
  private final BoolVar[][] parts;
  private final BoolVar[] satisfied;
  private final BoolVar[] progress;
  private final List<LinearArgument> capped = new ArrayList<>();
  private long cappedMaximum;
  private final CreditTally credits;

  /** The solver's answer: its assignment when it found one, and whether it proved it optimal. */
  record Outcome(Optional<Use[]> uses, boolean optimal, String status) {}

  BestFitModel(AuditTree tree, Use[] greedy) {
    this.tree = tree;
    this.greedy = greedy;
    int n = tree.size();
    wholes = new BoolVar[n][];
    parts = new BoolVar[n][];
    satisfied = new BoolVar[n];
    progress = new BoolVar[n];
    unit = unit(tree);
    credits = new CreditTally(tree, model, wholes, parts, this::amount);
    leaves();
    exclusivity();
    // children have larger preorder indices than their parent: build bottom-up
    for (int node = n - 1; node >= 0; node--) {
      status(node);
    }
  }

  /**
   * Solves within {@code seconds} on one worker (deterministic).
   *
   * @throws ArithmeticException when the tree is too large for the objective's weights to fit in 63 bits
   */
  Outcome solve(double seconds) {
    objective();
    CpSolver solver = new CpSolver();
    solver.getParameters().setNumWorkers(1).setMaxTimeInSeconds(seconds);
    CpSolverStatus status = solver.solve(model);
    boolean found = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
    return new Outcome(found ? Optional.of(read(solver)) : Optional.empty(), status == CpSolverStatus.OPTIMAL,
        status.name());
  }

  private void leaves() {
    for (int node = 0; node < tree.size(); node++) {
      AuditTree.LeafOptions options = tree.options(node);
      if (options == null) {
        continue;
      }
      wholes[node] = new BoolVar[options.wholes().length];
      parts[node] = new BoolVar[options.parts().length];
      for (int i = 0; i < wholes[node].length; i++) {
        wholes[node][i] = model.newBoolVar("whole_" + node + "_" + options.wholes()[i]);
      }
      for (int i = 0; i < parts[node].length; i++) {
        parts[node][i] = model.newBoolVar("part_" + node + "_" + options.parts()[i]);
      }
      LinearExpr anyWhole = LinearExpr.sum(wholes[node]);
      model.addLessOrEqual(anyWhole, 1);
      for (BoolVar part : parts[node]) {
        // parts give partial credit only when no whole counts
        model.addLessOrEqual(LinearExpr.newBuilder().add(anyWhole).add(part), 1);
      }
    }
  }

  /** Within a conflict class, each credential counts at most once, in whatever role. */
  private void exclusivity() {
    Map<Integer, Map<Integer, List<BoolVar>>> byClass = new HashMap<>();
    for (int node = 0; node < tree.size(); node++) {
      AuditTree.LeafOptions options = tree.options(node);
      if (options == null) {
        continue;
      }
      Map<Integer, List<BoolVar>> byCredential = byClass.computeIfAbsent(tree.conflictClass(node), k -> new HashMap<>());
      for (int i = 0; i < options.wholes().length; i++) {
        byCredential.computeIfAbsent(options.wholes()[i], k -> new ArrayList<>()).add(wholes[node][i]);
      }
      for (int i = 0; i < options.parts().length; i++) {
        byCredential.computeIfAbsent(options.parts()[i], k -> new ArrayList<>()).add(parts[node][i]);
      }
    }
    for (Map<Integer, List<BoolVar>> byCredential : byClass.values()) {
      for (List<BoolVar> vars : byCredential.values()) {
        if (vars.size() > 1) {
          model.addLessOrEqual(LinearExpr.sum(vars.toArray(new BoolVar[0])), 1);
        }
      }
    }
  }

  /**
   * The node's SATISFIED and "at least PARTIAL" literals, bounded above by what its rule allows (the objective
   * pushes them up, so at an optimum they are exact), and its capped credits when it asks for credits.
   */
  private void status(int node) {
    BoolVar sat = model.newBoolVar("sat_" + node);
    BoolVar some = model.newBoolVar("some_" + node);
    satisfied[node] = sat;
    progress[node] = some;
    Requirement requirement = tree.node(node);
    if (tree.waived(node)) {
      model.addEquality(sat, 1);
      model.addEquality(some, 1);
      return;
    }
    switch (requirement) {
      case Requirement.CompetencyLeaf leaf -> {
        long held = tree.holdings.competencies().contains(leaf.competency()) ? 1 : 0;
        model.addEquality(sat, held);
        model.addEquality(some, held);
      }
      case Requirement.CredentialLeaf leaf -> credentialLeaf(node, sat, some);
      case Condition condition -> condition(node, condition, sat, some);
    }
  }

  private void credentialLeaf(int node, BoolVar sat, BoolVar some) {
    AuditTree.LeafOptions options = tree.options(node);
    model.addEquality(sat, LinearExpr.sum(wholes[node]));
    model.addLessOrEqual(some, LinearExpr.newBuilder().add(sat).addSum(parts[node]));
    long asked = amount(tree.requiredCredits(node));
    if (asked <= 0) {
      return;
    }
    // credits: a whole's own ECTS, or the parts' transfer credits capped at the named credential's ECTS
    IntVar partial = model.newIntVar(0, asked, "partial_" + node);
    LinearExprBuilder toward = LinearExpr.newBuilder();
    for (int i = 0; i < parts[node].length; i++) {
      toward.addTerm(parts[node][i], amount(tree.snapshot.credential(options.parts()[i]).creditsToward(options.target())));
    }
    model.addLessOrEqual(partial, toward);
    LinearExprBuilder leafCredits = LinearExpr.newBuilder().add(partial);
    for (int i = 0; i < wholes[node].length; i++) {
      leafCredits.addTerm(wholes[node][i], amount(tree.snapshot.credential(options.wholes()[i]).ects()));
    }
    cap(node, leafCredits.build(), asked);
  }

  private void condition(int node, Condition condition, BoolVar sat, BoolVar some) {
    List<Integer> children = tree.children(node);
    LinearExprBuilder childrenSatisfied = LinearExpr.newBuilder();
    LinearExprBuilder childrenSome = LinearExpr.newBuilder().add(sat);
    for (int child : children) {
      childrenSatisfied.add(satisfied[child]);
      childrenSome.add(progress[child]);
    }
    switch (condition.rule()) {
      case ALL_OF -> {
        for (int child : children) {
          model.addLessOrEqual(sat, satisfied[child]);
        }
        model.addLessOrEqual(some, childrenSome);
      }
      case AT_LEAST -> {
        model.addLessOrEqual(LinearExpr.term(sat, condition.requiredNumber()), childrenSatisfied);
        model.addLessOrEqual(some, childrenSome);
      }
      case MINIMUM_CREDITS -> {
        LinearExpr tally = credits.of(node);
        long minimum = amount(condition.minimumCredits());
        if (minimum > 0) {
          model.addLessOrEqual(LinearExpr.term(sat, minimum), tally);
          cap(node, tally, minimum);
        } else {
          model.addEquality(sat, 1);
        }
        // PARTIAL needs some credits (at least a thousandth of an ECTS)
        model.addLessOrEqual(some, LinearExpr.newBuilder().add(sat).add(tally));
      }
    }
  }

  private void cap(int node, LinearArgument credits, long asked) {
    IntVar counted = model.newIntVar(0, asked, "capped_" + node);
    model.addLessOrEqual(counted, credits);
    capped.add(counted);
    cappedMaximum += asked;
  }

  /**
   * Maximises, lexicographically through weights: the root's status rank, the nodes satisfied, the capped credits,
   * and last the number of options chosen as greedy chose them (so ties keep the greedy answer).
   */
  private void objective() {
    LinearExprBuilder sameAsGreedy = LinearExpr.newBuilder();
    long options = 0;
    for (int node = 0; node < tree.size(); node++) {
      AuditTree.LeafOptions o = tree.options(node);
      if (o == null) {
        continue;
      }
      Use was = greedy[node] == null ? Use.NONE : greedy[node];
      for (int i = 0; i < o.wholes().length; i++) {
        boolean chosen = was.whole() == o.wholes()[i];
        sameAsGreedy.addTerm(wholes[node][i], chosen ? 1 : -1);
        model.addHint(wholes[node][i], chosen);
        options++;
      }
      for (int i = 0; i < o.parts().length; i++) {
        boolean chosen = was.whole() < 0 && was.parts().contains(o.parts()[i]);
        sameAsGreedy.addTerm(parts[node][i], chosen ? 1 : -1);
        model.addHint(parts[node][i], chosen);
        options++;
      }
    }
    long creditWeight = options + 1;
    long nodeWeight = Math.multiplyExact(creditWeight, cappedMaximum + 1);
    long rootWeight = Math.multiplyExact(nodeWeight, tree.size() + 1L);
    // the whole objective's range must stay well inside 63 bits
    Math.multiplyExact(rootWeight, 8L);
    LinearExprBuilder objective = LinearExpr.newBuilder()
        .addTerm(satisfied[0], rootWeight)
        .addTerm(progress[0], rootWeight)
        .add(sameAsGreedy);
    for (BoolVar sat : satisfied) {
      objective.addTerm(sat, nodeWeight);
    }
    for (LinearArgument counted : capped) {
      objective.addTerm(counted, creditWeight);
    }
    model.maximize(objective);
  }

  private Use[] read(CpSolver solver) {
    Use[] uses = new Use[tree.size()];
    for (int node = 0; node < tree.size(); node++) {
      AuditTree.LeafOptions options = tree.options(node);
      if (options == null) {
        continue;
      }
      Use use = null;
      for (int i = 0; i < options.wholes().length && use == null; i++) {
        if (solver.booleanValue(wholes[node][i])) {
          use = Use.whole(options.wholes()[i], options.via()[i]);
        }
      }
      if (use == null) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < options.parts().length; i++) {
          if (solver.booleanValue(parts[node][i])) {
            chosen.add(options.parts()[i]);
          }
        }
        use = Use.parts(IntSet.of(chosen));
      }
      uses[node] = use;
    }
    return uses;
  }

  /** {@code ects} in the model's unit (exact for every amount the tree can count). */
  long amount(double ects) {
    return Math.round(ects * MILLI) / unit;
  }

  /**
   * The greatest common divisor, in thousandths of an ECTS, of every amount the model uses: the ECTS of each
   * credential a leaf names or could count, their transfer credits, and the credit rules' minimums.
   */
  private static long unit(AuditTree tree) {
    long gcd = 0;
    for (int node = 0; node < tree.size(); node++) {
      if (tree.node(node) instanceof Condition condition) {
        gcd = gcd(gcd, Math.round(condition.minimumCredits() * MILLI));
      }
      AuditTree.LeafOptions options = tree.options(node);
      if (options == null) {
        continue;
      }
      gcd = gcd(gcd, credential(tree, options.target()));
      for (int whole : options.wholes()) {
        gcd = gcd(gcd, credential(tree, whole));
      }
      for (int part : options.parts()) {
        gcd = gcd(gcd, credential(tree, part));
      }
    }
    return gcd == 0 ? 1 : gcd;
  }

  private static long credential(AuditTree tree, int credential) {
    long gcd = Math.round(tree.snapshot.credential(credential).ects() * MILLI);
    for (var link : tree.snapshot.credential(credential).stacksInto()) {
      gcd = gcd(gcd, Math.round(link.transferCredits() * MILLI));
    }
    return gcd;
  }

  private static long gcd(long a, long b) {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
