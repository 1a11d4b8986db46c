package io.cairn.audit;

import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.Requirement.Condition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The greedy assignment (the baseline, and the fast first answer): children in declared order, each seeing only
 * what its earlier siblings left, then a filling pass that gives every leaf left empty what no competing leaf
 * uses. Deterministic, linear in the tree, and often already a best fit.
 */
final class GreedyPass {
  private final AuditTree tree;
  private final Use[] uses;

  /** What a subtree brought when the pass evaluated it. */
  private record Step(Status status, Tally tally, double credits, double requiredCredits, int satisfiedCount,
      int requiredCount) {}

  /** What a look-ahead evaluation of a condition saw: the available credentials its leaves can reach. */
  private record Seen(int node, BitSet available, boolean creditsWanted) {}

  /** What that evaluation gave, and what it consumed from what was available. */
  private record Remembered(Step step, BitSet consumed) {}

  /**
   * Look-ahead evaluations of conditions. An at-least condition evaluates each child once to order the children
   * and again to count, so nested at-least conditions would take 2^depth evaluations (a 32-deep tree, which the
   * store accepts, would run for hours). A look-ahead (nothing recorded) depends only on the node, on what is
   * available of the credentials its leaves can reach, and on whether credits are wanted, so it is remembered
   * under those, which makes the pass linear in the tree for each distinct availability.
   */
  private final Map<Seen, Remembered> lookAheads = new HashMap<>();
  private final BitSet[] reach;

  private GreedyPass(AuditTree tree) {
    this.tree = tree;
    this.uses = new Use[tree.size()];
    this.reach = new BitSet[tree.size()];
  }

  static Use[] assign(AuditTree tree) {
    GreedyPass pass = new GreedyPass(tree);
    pass.evaluate(0, Availability.of(tree.holdings.credentials()), false, true);
    pass.fill();
    return pass.uses;
  }

  /**
   * Evaluates {@code node}, consuming from {@code available} what it counts.
   *
   * @param creditsWanted an enclosing credit rule still lacked credits when this node's turn came: the node then
   *     counts everything it can instead of stopping once met
   * @param record the node's leaves keep what they count (false for look-ahead and for children evaluated after
   *     their condition was met)
   */
  private Step evaluate(int node, Availability available, boolean creditsWanted, boolean record) {
    if (record || !(tree.node(node) instanceof Condition)) {
      return evaluateFresh(node, available, creditsWanted, record);
    }
    BitSet before = available.state();
    BitSet relevant = (BitSet) before.clone();
    relevant.and(reach(node));
    Seen seen = new Seen(node, relevant, creditsWanted);
    Remembered remembered = lookAheads.get(seen);
    if (remembered != null) {
      available.consume(remembered.consumed());
      return remembered.step();
    }
    Step step = evaluateFresh(node, available, creditsWanted, false);
    BitSet consumed = before;
    consumed.andNot(available.state());
    lookAheads.put(seen, new Remembered(step, consumed));
    return step;
  }

  /** The credentials the leaves under {@code node} may count: named ones, substitutes and parts. */
  private BitSet reach(int node) {
    if (reach[node] == null) {
      BitSet result = new BitSet();
      AuditTree.LeafOptions options = tree.options(node);
      if (options != null) {
        Arrays.stream(options.wholes()).forEach(result::set);
        Arrays.stream(options.parts()).forEach(result::set);
      }
      for (int child : tree.children(node)) {
        result.or(reach(child));
      }
      reach[node] = result;
    }
    return reach[node];
  }

  private Step evaluateFresh(int node, Availability available, boolean creditsWanted, boolean record) {
    AdvisorException waiver = tree.waiver(node);
    if (waiver == null) {
      return evaluateNode(node, available, creditsWanted, record);
    }
    // a waived node uses up nothing: its subtree sees a copy
    evaluateNode(node, available.copy(), creditsWanted, record);
    double credits = tree.requiredCredits(node);
    return new Step(Status.SATISFIED, Tally.waived(credits), credits, credits, 0, 0);
  }

  private Step evaluateNode(int node, Availability available, boolean creditsWanted, boolean record) {
    return switch (tree.node(node)) {
      case Requirement.CredentialLeaf leaf -> credential(node, leaf, available, record);
      case Requirement.CompetencyLeaf leaf -> {
        boolean held = tree.holdings.competencies().contains(leaf.competency());
        yield new Step(held ? Status.SATISFIED : Status.MISSING, new Tally(), 0, 0, held ? 1 : 0, 1);
      }
      case Condition condition -> condition(node, condition,
          condition.allowsDoubleCounting() ? available.copy() : available, creditsWanted, record);
    };
  }

  /** The named credential if available, else the first available substitute, else the available parts. */
  private Step credential(int node, Requirement.CredentialLeaf leaf, Availability available, boolean record) {
    AuditTree.LeafOptions options = tree.options(node);
    Use use = null;
    for (int i = 0; i < options.wholes().length && use == null; i++) {
      if (available.has(options.wholes()[i])) {
        use = Use.whole(options.wholes()[i], options.via()[i]);
      }
    }
    if (use == null) {
      use = Use.parts(IntSet.of(Arrays.stream(options.parts()).filter(available::has).toArray()));
    }
    available.consume(use.credentials());
    if (record) {
      uses[node] = use;
    }
    Tally tally = Tally.of(use, leaf.credential());
    Status status = use.whole() >= 0 ? Status.SATISFIED : use.none() ? Status.MISSING : Status.PARTIAL;
    return new Step(status, tally, tally.total(tree.snapshot), tree.requiredCredits(node),
        status == Status.SATISFIED ? 1 : 0, 1);
  }

  private Step condition(int node, Condition condition, Availability available, boolean creditsWanted,
      boolean record) {
    boolean byCredits = condition.rule() == Requirement.Rule.MINIMUM_CREDITS;
    Availability working = available;
    boolean counting = true;
    Tally tally = new Tally();
    double creditSum = 0;
    int satisfied = 0;
    boolean progress = false;
    List<Integer> children = tree.children(node);
    for (int position : order(condition, children, available, creditsWanted)) {
      // once met, later children are evaluated against a scratch copy so they leave holdings to our siblings; not
      // under a credit rule still short of credits, though: what we left uncounted would be lost to it, and holding
      // one more credential could then leave it with fewer credits
      if (counting && !creditsWanted && Rules.met(condition, satisfied, tally.total(tree.snapshot))) {
        counting = false;
        working = working.copy();
      }
      boolean childWants = counting
          && (creditsWanted || byCredits && tally.total(tree.snapshot) < condition.minimumCredits() - Rules.EPSILON);
      Step step = evaluate(children.get(position), working, childWants, record && counting);
      satisfied += step.status() == Status.SATISFIED ? 1 : 0;
      progress |= step.status() != Status.MISSING;
      if (counting) {
        tally.addAll(step.tally());
        creditSum += step.credits();
      }
    }
    double credits = byCredits ? tally.total(tree.snapshot) : creditSum;
    return new Step(Rules.status(condition, satisfied, progress, credits), tally, credits,
        tree.requiredCredits(node), satisfied, Rules.requiredCount(condition));
  }

  /**
   * The order children get to count holdings in. Declared order, except that the alternatives of an at-least
   * condition go most promising first (satisfied, then furthest along), each judged on its own against what is
   * available: otherwise a first alternative that gets only partial credit could use up the holdings that
   * satisfy a later one.
   */
  private int[] order(Condition condition, List<Integer> children, Availability available, boolean creditsWanted) {
    int n = children.size();
    Integer[] positions = new Integer[n];
    for (int i = 0; i < n; i++) {
      positions[i] = i;
    }
    if (condition.rule() == Requirement.Rule.AT_LEAST && n > 1) {
      double[] promise = new double[n];
      for (int i = 0; i < n; i++) {
        promise[i] = promise(evaluate(children.get(i), available.copy(), creditsWanted, false));
      }
      Arrays.sort(positions, (a, b) -> Double.compare(promise[b], promise[a]));
    }
    return Arrays.stream(positions).mapToInt(Integer::intValue).toArray();
  }

  /** 2 for satisfied, between 1 and 2 for partial (by how far along), 0 for missing. */
  private static double promise(Step step) {
    return switch (step.status()) {
      case SATISFIED -> 2;
      case MISSING -> 0;
      case PARTIAL -> {
        double fraction = step.requiredCredits() > Rules.EPSILON ? step.credits() / step.requiredCredits()
            : step.requiredCount() > 0 ? (double) step.satisfiedCount() / step.requiredCount() : 0;
        yield 1 + Math.min(0.999, Math.max(0, fraction));
      }
    };
  }

  /**
   * Gives each credential leaf the pass left empty (a child evaluated after its condition was met, or a leaf that
   * an earlier sibling outside its double-counting condition had consumed from) the first option that no leaf of
   * its conflict class counts: the named credential, a substitute, or else the free parts.
   */
  private void fill() {
    Map<Integer, BitSet> used = new HashMap<>();
    for (int node = 0; node < uses.length; node++) {
      if (uses[node] != null) {
        BitSet inClass = used.computeIfAbsent(tree.conflictClass(node), k -> new BitSet());
        uses[node].credentials().stream().forEach(inClass::set);
      }
    }
    for (int node = 0; node < uses.length; node++) {
      AuditTree.LeafOptions options = tree.options(node);
      if (options == null || uses[node] != null && !uses[node].none()) {
        continue;
      }
      BitSet inClass = used.computeIfAbsent(tree.conflictClass(node), k -> new BitSet());
      Use use = null;
      for (int i = 0; i < options.wholes().length && use == null; i++) {
        if (!inClass.get(options.wholes()[i])) {
          use = Use.whole(options.wholes()[i], options.via()[i]);
        }
      }
      if (use == null) {
        List<Integer> free = new ArrayList<>();
        Arrays.stream(options.parts()).filter(p -> !inClass.get(p)).forEach(free::add);
        use = Use.parts(IntSet.of(free));
      }
      uses[node] = use;
      use.credentials().stream().forEach(inClass::set);
    }
  }
}
