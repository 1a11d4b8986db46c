package io.cairn.audit;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.Requirement.Condition;
import io.cairn.catalog.Requirement.CredentialLeaf;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One destination's requirement tree flattened in preorder (a parent's index is below its children's), with what
 * the learner could count at each credential leaf and which leaves compete for the same holdings.
 */
final class AuditTree {
  /** Conflict class of the leaves that no double-counting condition or waived node separates. */
  static final int ROOT_CLASS = -1;

  /**
   * What a credential leaf could count: one whole credential (the one it names when held, then each held
   * substitute in the order given) or held parts that stack directly into the credential it names.
   *
   * @param via the substitution behind each whole, null for the named credential itself
   */
  record LeafOptions(int target, int[] wholes, AdvisorException[] via, int[] parts) {
    int count() {
      return wholes.length + parts.length;
    }
  }

  final CatalogSnapshot snapshot;
  final Holdings holdings;
  private final List<Requirement> nodes = new ArrayList<>();
  private final List<Integer> parents = new ArrayList<>();
  private final List<List<Integer>> children = new ArrayList<>();
  private final List<AdvisorException> waivers = new ArrayList<>();
  private final List<Integer> classes = new ArrayList<>();
  private final List<LeafOptions> options = new ArrayList<>();

  private AuditTree(CatalogSnapshot snapshot, Holdings holdings) {
    this.snapshot = snapshot;
    this.holdings = holdings;
  }

  static AuditTree of(CatalogSnapshot snapshot, Holdings holdings, ExceptionBook exceptions, Requirement root) {
    AuditTree tree = new AuditTree(snapshot, holdings);
    tree.add(root, -1, ROOT_CLASS, exceptions);
    return tree;
  }

  private int add(Requirement node, int parent, int inheritedClass, ExceptionBook exceptions) {
    int index = nodes.size();
    AdvisorException waiver = exceptions.waiver(node).orElse(null);
    nodes.add(node);
    parents.add(parent);
    children.add(new ArrayList<>());
    waivers.add(waiver);
    // a waived node and a condition allowing double counting consume only within themselves: their leaves compete
    // with each other, not with the leaves outside
    boolean separates = waiver != null || node instanceof Condition c && c.allowsDoubleCounting();
    int ownClass = separates ? index : inheritedClass;
    classes.add(ownClass);
    options.add(node instanceof CredentialLeaf leaf ? options(leaf, exceptions) : null);
    if (node instanceof Condition condition) {
      for (Requirement child : condition.children()) {
        int childIndex = add(child, index, ownClass, exceptions);
        children.get(index).add(childIndex);
      }
    }
    return index;
  }

  private LeafOptions options(CredentialLeaf leaf, ExceptionBook exceptions) {
    int target = leaf.credential();
    Set<Integer> wholes = new LinkedHashSet<>();
    List<AdvisorException> via = new ArrayList<>();
    if (holdings.credentials().contains(target)) {
      wholes.add(target);
      via.add(null);
    }
    for (AdvisorException substitution : exceptions.substitutions(leaf)) {
      int stand = substitution.substitute();
      if (holdings.credentials().contains(stand) && wholes.add(stand)) {
        via.add(substitution);
      }
    }
    List<Integer> parts = new ArrayList<>();
    for (int part : snapshot.stackedFrom(target).toArray()) {
      if (part != target && holdings.credentials().contains(part)
          && snapshot.credential(part).creditsToward(target) > 0) {
        parts.add(part);
      }
    }
    return new LeafOptions(target, wholes.stream().mapToInt(Integer::intValue).toArray(),
        via.toArray(new AdvisorException[0]), parts.stream().mapToInt(Integer::intValue).toArray());
  }

  int size() {
    return nodes.size();
  }

  Requirement node(int index) {
    return nodes.get(index);
  }

  int parent(int index) {
    return parents.get(index);
  }

  List<Integer> children(int index) {
    return children.get(index);
  }

  /** The waiver on this node, or null. */
  AdvisorException waiver(int index) {
    return waivers.get(index);
  }

  boolean waived(int index) {
    return waivers.get(index) != null;
  }

  /**
   * Leaves with the same class compete: a credential counts at most once among them. The class is the nearest
   * waived node or double-counting condition at or above the leaf, or {@link #ROOT_CLASS}.
   */
  int conflictClass(int leaf) {
    return classes.get(leaf);
  }

  /** The options of a credential leaf, or null for any other node. */
  LeafOptions options(int index) {
    return options.get(index);
  }

  boolean credentialLeaf(int index) {
    return options.get(index) != null;
  }

  /** ECTS the node asks for: a credit rule's minimum, a credential leaf's credential's ECTS, otherwise 0. */
  double requiredCredits(int index) {
    return switch (nodes.get(index)) {
      case Condition c -> c.rule() == Requirement.Rule.MINIMUM_CREDITS ? c.minimumCredits() : 0;
      case CredentialLeaf leaf -> snapshot.credential(leaf.credential()).ects();
      case Requirement.CompetencyLeaf leaf -> 0;
    };
  }

  /** True when {@code ancestor} is {@code node} or lies above it. */
  boolean within(int node, int ancestor) {
    for (int at = node; at >= 0; at = parents.get(at)) {
      if (at == ancestor) {
        return true;
      }
    }
    return false;
  }
}
