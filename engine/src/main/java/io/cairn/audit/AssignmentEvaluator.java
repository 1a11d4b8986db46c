package io.cairn.audit;

import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.Requirement.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports a requirement tree for a given assignment of holdings to its credential leaves: every node's status,
 * credits and counted holdings by the rules in {@code README.md}. The greedy pass and the solver only choose the
 * assignment; this class alone says what it is worth.
 */
final class AssignmentEvaluator {
  private final AuditTree tree;
  private final Use[] uses;
  private final boolean optimistic;
  private final NodeResult[] results;

  /** The reported tree, each node's result by preorder index, and the score. */
  record Evaluated(NodeResult root, NodeResult[] byNode, Score score) {}

  private AssignmentEvaluator(AuditTree tree, Use[] uses, boolean optimistic) {
    this.tree = tree;
    this.uses = uses;
    this.optimistic = optimistic;
    this.results = new NodeResult[tree.size()];
  }

  static Evaluated evaluate(AuditTree tree, Use[] uses) {
    return new AssignmentEvaluator(tree, uses, false).run();
  }

  /**
   * A score no valid assignment can beat: every leaf counts all it could (its largest whole and all its parts at
   * once, as if nothing competed), and credit rules count without the reductions for parts inside wholes. Statuses
   * and credits only grow with what is counted under these rules, and every valid assignment counts less.
   */
  static Score bound(AuditTree tree) {
    Use[] everything = new Use[tree.size()];
    for (int i = 0; i < tree.size(); i++) {
      AuditTree.LeafOptions options = tree.options(i);
      if (options != null) {
        int largest = -1;
        for (int whole : options.wholes()) {
          if (largest < 0 || tree.snapshot.credential(whole).ects() > tree.snapshot.credential(largest).ects()) {
            largest = whole;
          }
        }
        everything[i] = new Use(largest, null, IntSet.of(options.parts()));
      }
    }
    return new AssignmentEvaluator(tree, everything, true).run().score();
  }

  private Evaluated run() {
    evaluate(0);
    double[] required = new double[tree.size()];
    for (int i = 0; i < required.length; i++) {
      required[i] = tree.requiredCredits(i);
    }
    return new Evaluated(results[0], results.clone(), Score.of(results, required));
  }

  /** Records the node's result and returns what it hands to its parent's tally. */
  private Tally evaluate(int node) {
    Tally tally = switch (tree.node(node)) {
      case Requirement.CredentialLeaf leaf -> credential(node, leaf);
      case Requirement.CompetencyLeaf leaf -> competency(node, leaf);
      case Condition condition -> condition(node, condition);
    };
    AdvisorException waiver = tree.waiver(node);
    if (waiver == null) {
      return tally;
    }
    // the subtree is reported as found, but the node counts as met with the credits it asks for, and uses nothing
    double credits = tree.requiredCredits(node);
    results[node] = results[node].waived(Rules.text("waived", waiver.note()), credits);
    return Tally.waived(credits);
  }

  private Tally credential(int node, Requirement.CredentialLeaf leaf) {
    Use use = tree.waived(node) ? alone(node) : uses[node] == null ? Use.NONE : uses[node];
    Tally tally = Tally.of(use, leaf.credential());
    Status status = use.whole() >= 0 ? Status.SATISFIED : use.parts().isEmpty() ? Status.MISSING : Status.PARTIAL;
    String exception = use.whole() >= 0 && use.substitution() != null
        ? Rules.text("substituted by " + tree.snapshot.credential(use.whole()).id(), use.substitution().note())
        : null;
    results[node] = new NodeResult(leaf.iri(), leaf.id(), leaf.name(), NodeResult.CREDENTIAL, status,
        status == Status.SATISFIED ? 1 : 0, 1, tally.total(tree.snapshot, optimistic),
        tree.requiredCredits(node), use.credentials(), IntSet.empty(), exception, leaf.credential(), List.of());
    return tally;
  }

  /**
   * What a waived leaf is reported with: what it would count if nothing competed (the first held whole, else all
   * held parts). It uses nothing, so no assignment depends on it.
   */
  private Use alone(int node) {
    AuditTree.LeafOptions options = tree.options(node);
    return options.wholes().length > 0 ? Use.whole(options.wholes()[0], options.via()[0])
        : Use.parts(IntSet.of(options.parts()));
  }

  /** Competency leaves never consume: a competency is not used up by counting it. */
  private Tally competency(int node, Requirement.CompetencyLeaf leaf) {
    int wanted = leaf.competency();
    boolean held = tree.holdings.competencies().contains(wanted);
    IntSet teaching = tree.holdings.credentials().intersect(tree.snapshot.taughtBy(wanted));
    results[node] = new NodeResult(leaf.iri(), leaf.id(), leaf.name(), NodeResult.COMPETENCY,
        held ? Status.SATISFIED : Status.MISSING, held ? 1 : 0, 1, 0, 0, teaching,
        held ? IntSet.of(wanted) : IntSet.empty(), null, wanted, List.of());
    return new Tally();
  }

  private Tally condition(int node, Condition condition) {
    Tally tally = new Tally();
    double creditSum = 0;
    int satisfied = 0;
    boolean progress = false;
    IntSet credentials = IntSet.empty();
    IntSet competencies = IntSet.empty();
    List<NodeResult> children = new ArrayList<>();
    for (int child : tree.children(node)) {
      tally.addAll(evaluate(child));
      NodeResult result = results[child];
      children.add(result);
      satisfied += result.status() == Status.SATISFIED ? 1 : 0;
      progress |= result.status() != Status.MISSING;
      creditSum += result.credits();
      // competency leaves list the credentials teaching them for information only
      if (!NodeResult.COMPETENCY.equals(result.kind())) {
        credentials = credentials.union(result.countedCredentials());
      }
      competencies = competencies.union(result.countedCompetencies());
    }
    boolean byCredits = condition.rule() == Requirement.Rule.MINIMUM_CREDITS;
    double credits = byCredits ? tally.total(tree.snapshot, optimistic) : creditSum;
    results[node] = new NodeResult(condition.iri(), condition.id(), condition.name(), Rules.kind(condition),
        Rules.status(condition, satisfied, progress, credits), satisfied, Rules.requiredCount(condition), credits,
        tree.requiredCredits(node), byCredits ? tally.credentials() : credentials, competencies, null, -1, children);
    return tally;
  }
}
