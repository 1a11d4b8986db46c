package io.cairn.audit;

import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.Requirement.Condition;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a requirement tree greedily, children in declared order, each child seeing only what its earlier
 * siblings left available. One evaluator serves one audit.
 *
 * <p>A condition's evaluation depends only on the condition, on what is available of the credentials its leaves
 * can reach, and on whether credits are wanted, so it is remembered under those: an at-least condition evaluates
 * each child once to order them and again to count, and without the memo a chain of nested at-least conditions
 * took 2^depth evaluations (a 32-deep tree, which the store accepts, would have run for hours).
 */
final class TreeEvaluator {
  static final double EPSILON = 1e-9;
  private final LeafEvaluator leaves;
  private final ExceptionBook exceptions;
  private final Map<Requirement, Map<Seen, Remembered>> memo = new IdentityHashMap<>();
  private final Map<Requirement, BitSet> reach = new IdentityHashMap<>();

  /** What a condition was evaluated against: the available credentials it can reach. */
  private record Seen(BitSet available, boolean creditsWanted) {}

  /** What it gave, and what it consumed from what was available. */
  private record Remembered(Evaluation evaluation, BitSet consumed) {}

  TreeEvaluator(LeafEvaluator leaves, ExceptionBook exceptions) {
    this.leaves = leaves;
    this.exceptions = exceptions;
  }

  /**
   * Evaluates {@code node}, consuming from {@code available} what it counts.
   *
   * @param creditsWanted an enclosing credit rule still lacked credits when this node's turn came: the node then
   *     counts everything it can instead of stopping once met
   */
  Evaluation evaluate(Requirement node, Availability available, boolean creditsWanted) {
    if (!(node instanceof Condition)) {
      return evaluateFresh(node, available, creditsWanted);
    }
    BitSet before = available.state();
    Map<Seen, Remembered> forNode = memo.computeIfAbsent(node, n -> new HashMap<>());
    BitSet relevant = (BitSet) before.clone();
    relevant.and(reach(node));
    Seen seen = new Seen(relevant, creditsWanted);
    Remembered remembered = forNode.get(seen);
    if (remembered != null) {
      available.consume(remembered.consumed());
      return remembered.evaluation();
    }
    Evaluation evaluation = evaluateFresh(node, available, creditsWanted);
    BitSet consumed = (BitSet) before.clone();
    consumed.andNot(available.state());
    forNode.put(seen, new Remembered(evaluation, consumed));
    return evaluation;
  }

  /** The credentials the leaves under {@code node} can reach (see {@link LeafEvaluator#reach}). */
  private BitSet reach(Requirement node) {
    BitSet known = reach.get(node);
    if (known != null) {
      return known;
    }
    BitSet result = switch (node) {
      case Requirement.CredentialLeaf leaf -> leaves.reach(leaf);
      case Requirement.CompetencyLeaf leaf -> new BitSet();
      case Condition condition -> {
        BitSet union = new BitSet();
        condition.children().forEach(child -> union.or(reach(child)));
        yield union;
      }
    };
    reach.put(node, result);
    return result;
  }

  private Evaluation evaluateFresh(Requirement node, Availability available, boolean creditsWanted) {
    Optional<AdvisorException> waiver = exceptions.waiver(node);
    if (waiver.isEmpty()) {
      return evaluateNode(node, available, creditsWanted);
    }
    // the subtree is still reported, but against a copy: a waived node uses up nothing
    NodeResult evaluated = evaluateNode(node, available.copy(), creditsWanted).result();
    double credits = evaluated.requiredCredits();
    return new Evaluation(
        evaluated.waived(LeafEvaluator.text("waived", waiver.get().note()), credits), Tally.waived(credits));
  }

  private Evaluation evaluateNode(Requirement node, Availability available, boolean creditsWanted) {
    return switch (node) {
      case Requirement.CredentialLeaf leaf -> leaves.credential(leaf, available);
      case Requirement.CompetencyLeaf leaf -> leaves.competency(leaf);
      case Condition condition ->
          condition(condition, condition.allowsDoubleCounting() ? available.copy() : available, creditsWanted);
    };
  }

  private Evaluation condition(Condition condition, Availability available, boolean creditsWanted) {
    boolean byCredits = condition.rule() == Requirement.Rule.MINIMUM_CREDITS;
    Availability working = available;
    boolean counting = true;
    Tally tally = new Tally();
    double creditSum = 0;
    int satisfied = 0;
    boolean progress = false;
    IntSet competencies = IntSet.empty();
    NodeResult[] reported = new NodeResult[condition.children().size()];
    for (int position : order(condition, available, creditsWanted)) {
      Requirement child = condition.children().get(position);
      // once met, later children are reported against a scratch copy so they leave holdings to our siblings; not
      // under a credit rule still short of credits, though: what we left uncounted would be lost to it, and holding
      // one more credential could then leave it with fewer credits
      if (counting && !creditsWanted && reached(condition, satisfied, tally.total())) {
        counting = false;
        working = working.copy();
      }
      boolean childWants = counting
          && (creditsWanted || byCredits && tally.total() < condition.minimumCredits() - EPSILON);
      Evaluation evaluation = evaluate(child, working, childWants);
      NodeResult result = evaluation.result();
      reported[position] = result;
      satisfied += result.status() == Status.SATISFIED ? 1 : 0;
      progress |= result.status() != Status.MISSING;
      if (counting) {
        tally.addAll(evaluation.tally());
        creditSum += result.credits();
        competencies = competencies.union(result.countedCompetencies());
      }
    }
    List<NodeResult> children = List.of(reported);
    Status status = status(condition, satisfied, progress, tally.total());
    NodeResult result = new NodeResult(condition.iri(), condition.id(), condition.name(), kind(condition), status,
        satisfied, requiredCount(condition), byCredits ? tally.total() : creditSum,
        byCredits ? condition.minimumCredits() : 0, tally.credentials(), competencies, null, -1, children);
    return new Evaluation(result, tally);
  }

  /**
   * The order children get to count holdings in. Declared order, except that the alternatives of an at-least
   * condition go most promising first (satisfied, then furthest along), each judged on its own against what is
   * available: otherwise a first alternative that gets only partial credit could use up the holdings that
   * satisfy a later one. Children are still reported in declared order.
   */
  private int[] order(Condition condition, Availability available, boolean creditsWanted) {
    int n = condition.children().size();
    Integer[] positions = new Integer[n];
    for (int i = 0; i < n; i++) {
      positions[i] = i;
    }
    if (condition.rule() == Requirement.Rule.AT_LEAST && n > 1) {
      double[] promise = new double[n];
      for (int i = 0; i < n; i++) {
        promise[i] = promise(evaluate(condition.children().get(i), available.copy(), creditsWanted).result());
      }
      java.util.Arrays.sort(positions, (a, b) -> Double.compare(promise[b], promise[a]));
    }
    return java.util.Arrays.stream(positions).mapToInt(Integer::intValue).toArray();
  }

  /** 2 for satisfied, between 1 and 2 for partial (by how far along), 0 for missing. */
  private static double promise(NodeResult r) {
    return switch (r.status()) {
      case SATISFIED -> 2;
      case MISSING -> 0;
      case PARTIAL -> {
        double fraction = r.requiredCredits() > EPSILON ? r.credits() / r.requiredCredits()
            : r.requiredCount() > 0 ? (double) r.satisfiedCount() / r.requiredCount() : 0;
        yield 1 + Math.min(0.999, Math.max(0, fraction));
      }
    };
  }

  private static boolean reached(Condition condition, int satisfied, double credits) {
    return switch (condition.rule()) {
      case ALL_OF -> false;
      case AT_LEAST -> satisfied >= condition.requiredNumber();
      case MINIMUM_CREDITS -> credits >= condition.minimumCredits() - EPSILON;
    };
  }

  private static Status status(Condition condition, int satisfied, boolean progress, double credits) {
    boolean met = switch (condition.rule()) {
      case ALL_OF -> satisfied == condition.children().size();
      case AT_LEAST -> satisfied >= condition.requiredNumber();
      case MINIMUM_CREDITS -> credits >= condition.minimumCredits() - EPSILON;
    };
    if (met) {
      return Status.SATISFIED;
    }
    boolean someway = condition.rule() == Requirement.Rule.MINIMUM_CREDITS ? credits > EPSILON : progress;
    return someway ? Status.PARTIAL : Status.MISSING;
  }

  private static int requiredCount(Condition condition) {
    return condition.rule() == Requirement.Rule.AT_LEAST
        ? condition.requiredNumber()
        : condition.children().size();
  }

  private static String kind(Condition condition) {
    return switch (condition.rule()) {
      case ALL_OF -> NodeResult.ALL_OF;
      case AT_LEAST -> NodeResult.AT_LEAST;
      case MINIMUM_CREDITS -> NodeResult.MINIMUM_CREDITS;
    };
  }
}
