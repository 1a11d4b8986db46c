package io.cairn.audit;

import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.List;

/** Says which requirements the best fit changed against the greedy assignment, and which holdings moved. */
final class Reassignments {
  private final AuditTree tree;
  private final Use[] greedy;
  private final Use[] best;

  private Reassignments(AuditTree tree, Use[] greedy, Use[] best) {
    this.tree = tree;
    this.greedy = greedy;
    this.best = best;
  }

  /** The highest nodes of each branch whose status differs, in preorder. */
  static List<Reassignment> between(AuditTree tree, Use[] greedy, AssignmentEvaluator.Evaluated greedyResult,
      Use[] best, AssignmentEvaluator.Evaluated bestResult) {
    Reassignments r = new Reassignments(tree, greedy, best);
    List<Reassignment> out = new ArrayList<>();
    for (int node = 0; node < tree.size(); node++) {
      Status before = greedyResult.byNode()[node].status();
      Status after = bestResult.byNode()[node].status();
      int parent = tree.parent(node);
      boolean parentChanged = parent >= 0
          && greedyResult.byNode()[parent].status() != bestResult.byNode()[parent].status();
      if (before != after && !parentChanged) {
        out.add(r.describe(node, before, after));
      }
    }
    return List.copyOf(out);
  }

  private Reassignment describe(int node, Status before, Status after) {
    boolean gained = after.ordinal() < before.ordinal();
    IntSet now = counted(best, node);
    IntSet then = counted(greedy, node);
    IntSet moved = gained ? now.minus(then) : then.minus(now);
    String name = tree.node(node).name();
    StringBuilder text = new StringBuilder(name).append(" reads ").append(after)
        .append(" (greedy: ").append(before).append(")");
    if (moved.isEmpty()) {
      text.append(gained ? " with the holdings assigned differently below it"
          : " because holdings it does not need went where they satisfy more");
    } else if (gained) {
      text.append(" by assigning ").append(names(moved)).append(" to it instead of ")
          .append(whereElse(greedy, best, moved, node, "to", "which the greedy pass left unused"));
    } else {
      text.append(": ").append(names(moved)).append(moved.size() == 1 ? " counts " : " count ")
          .append(whereElse(best, greedy, moved, node, "toward", "nowhere else"));
      text.append(" instead, where ").append(moved.size() == 1 ? "it satisfies" : "they satisfy").append(" more");
    }
    return new Reassignment(tree.node(node).id(), name, before, after, moved, text.toString());
  }

  /** What the credential leaves of {@code node}'s subtree count under {@code uses}. */
  private IntSet counted(Use[] uses, int node) {
    IntSet all = IntSet.empty();
    for (int leaf = node; leaf < tree.size() && tree.within(leaf, node); leaf++) {
      if (uses[leaf] != null) {
        all = all.union(uses[leaf].credentials());
      }
    }
    return all;
  }

  /**
   * Where {@code uses} puts {@code credentials} instead, for a sentence: the leaves outside {@code node}'s subtree
   * that compete with the leaves inside it counting them under {@code inside} (a leaf sharing them through double
   * counting is not "instead").
   */
  private String whereElse(Use[] uses, Use[] inside, IntSet credentials, int node, String preposition,
      String nowhere) {
    List<Integer> classes = new ArrayList<>();
    for (int leaf = node; leaf < tree.size() && tree.within(leaf, node); leaf++) {
      if (inside[leaf] != null && !inside[leaf].credentials().intersect(credentials).isEmpty()) {
        classes.add(tree.conflictClass(leaf));
      }
    }
    List<String> places = new ArrayList<>();
    for (int leaf = 0; leaf < tree.size(); leaf++) {
      Use use = uses[leaf];
      if (use == null || tree.within(leaf, node) || !classes.contains(tree.conflictClass(leaf))
          || use.credentials().intersect(credentials).isEmpty()) {
        continue;
      }
      // a credential leaf is named after its credential: name the requirement it serves instead
      int parent = tree.parent(leaf);
      String place = use.whole() >= 0 && credentials.contains(use.whole())
          ? preposition + " " + tree.node(parent >= 0 ? parent : leaf).name()
          : "as partial credit toward " + tree.node(leaf).name();
      if (!places.contains(place)) {
        places.add(place);
      }
    }
    return places.isEmpty() ? nowhere : String.join(" and ", places);
  }

  private String names(IntSet credentials) {
    List<String> names = new ArrayList<>();
    credentials.stream().forEach(c -> names.add(tree.snapshot.credential(c).name()));
    if (names.size() <= 2) {
      return String.join(" and ", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
  }
}
