package io.cairn.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.Requirement.Condition;
import io.cairn.catalog.StackLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An independent reading of the audit contract ({@code README.md}), written apart from the engine's classes:
 * it checks that a reported tree is a valid assignment with the statuses and credits its rules give, and it
 * scores any assignment, so that small trees can be solved by trying every assignment.
 */
final class ReferenceAudit {
  private final CatalogSnapshot snapshot;
  private final Holdings holdings;
  private final Map<String, List<Integer>> substitutes = new HashMap<>();
  private final Set<String> waived = new HashSet<>();
  /** Credential leaves in preorder, each with its path of ancestors (root first, the leaf last). */
  final List<List<Requirement>> leafPaths = new ArrayList<>();

  /** One credential leaf's choice: a whole credential, or parts (possibly none). */
  record Choice(int whole, IntSet parts) {
    static final Choice NONE = new Choice(-1, IntSet.empty());

    IntSet counted() {
      return whole >= 0 ? IntSet.of(whole) : parts;
    }
  }

  /** Lexicographic: tree status rank, nodes satisfied, capped credits. */
  record Score(int rank, int satisfied, double capped) {
    int compare(Score o) {
      if (rank != o.rank) {
        return Integer.compare(rank, o.rank);
      }
      if (satisfied != o.satisfied) {
        return Integer.compare(satisfied, o.satisfied);
      }
      return Math.abs(capped - o.capped) <= 1e-6 ? 0 : Double.compare(capped, o.capped);
    }
  }

  private record Result(Status status, double credits, double required, int satisfiedCount) {}

  ReferenceAudit(CatalogSnapshot snapshot, Requirement tree, Holdings holdings, List<AdvisorException> exceptions) {
    this.snapshot = snapshot;
    this.holdings = holdings;
    for (AdvisorException e : exceptions) {
      if (e.kind() == AdvisorException.Kind.WAIVE) {
        waived.add(e.requirement());
      } else {
        substitutes.computeIfAbsent(e.requirement(), k -> new ArrayList<>()).add(e.substitute());
      }
    }
    paths(tree, new ArrayList<>());
  }

  private void paths(Requirement node, List<Requirement> above) {
    List<Requirement> path = new ArrayList<>(above);
    path.add(node);
    if (node instanceof Requirement.CredentialLeaf) {
      leafPaths.add(path);
    } else if (node instanceof Condition c) {
      c.children().forEach(child -> paths(child, path));
    }
  }

  /** Every choice a leaf could make with these holdings (the named credential, substitutes, subsets of parts). */
  List<Choice> choices(Requirement.CredentialLeaf leaf) {
    List<Choice> out = new ArrayList<>();
    out.add(Choice.NONE);
    Set<Integer> wholes = new java.util.LinkedHashSet<>();
    if (holdings.credentials().contains(leaf.credential())) {
      wholes.add(leaf.credential());
    }
    for (int s : substitutes.getOrDefault(leaf.id(), List.of())) {
      if (holdings.credentials().contains(s)) {
        wholes.add(s);
      }
    }
    wholes.forEach(w -> out.add(new Choice(w, IntSet.empty())));
    List<Integer> parts = new ArrayList<>();
    for (int c = 0; c < snapshot.credentials().size(); c++) {
      if (c != leaf.credential() && holdings.credentials().contains(c)
          && snapshot.credential(c).creditsToward(leaf.credential()) > 0) {
        parts.add(c);
      }
    }
    for (int mask = 1; mask < 1 << parts.size(); mask++) {
      List<Integer> subset = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        if ((mask & 1 << i) != 0) {
          subset.add(parts.get(i));
        }
      }
      out.add(new Choice(-1, IntSet.of(subset)));
    }
    return out;
  }

  /** A waived leaf's choice: what it would count on its own (its first held whole, else all held parts). */
  private Choice alone(Requirement.CredentialLeaf leaf) {
    List<Choice> all = choices(leaf);
    return all.stream().filter(c -> c.whole() >= 0).findFirst()
        .orElse(all.stream().max(java.util.Comparator.comparingInt(c -> c.parts().size())).orElseThrow());
  }

  /** True when two leaves may count the same credential: a double-counting or waived node separates them. */
  boolean mayShare(int a, int b) {
    List<Requirement> pa = leafPaths.get(a);
    List<Requirement> pb = leafPaths.get(b);
    int common = 0;
    while (common < pa.size() && common < pb.size() && pa.get(common) == pb.get(common)) {
      common++;
    }
    return separates(pa, common) || separates(pb, common);
  }

  private boolean separates(List<Requirement> path, int from) {
    for (int i = from; i < path.size(); i++) {
      Requirement node = path.get(i);
      if (waived.contains(node.id()) || node instanceof Condition c && c.allowsDoubleCounting()) {
        return true;
      }
    }
    return false;
  }

  boolean valid(List<Choice> choices) {
    for (int a = 0; a < choices.size(); a++) {
      for (int b = a + 1; b < choices.size(); b++) {
        if (!choices.get(a).counted().intersect(choices.get(b).counted()).isEmpty() && !mayShare(a, b)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The score of an assignment (one choice per credential leaf, in preorder). */
  Score score(Requirement tree, List<Choice> choices) {
    Map<Requirement, Result> results = new IdentityHashMap<>();
    evaluate(tree, choices, new int[] {0}, results, new ArrayList<>());
    return score(tree, results);
  }

  private Score score(Requirement tree, Map<Requirement, Result> results) {
    int rank = switch (results.get(tree).status()) {
      case SATISFIED -> 2;
      case PARTIAL -> 1;
      case MISSING -> 0;
    };
    int satisfied = 0;
    double capped = 0;
    for (Result r : results.values()) {
      satisfied += r.status() == Status.SATISFIED ? 1 : 0;
      capped += r.required() > 1e-9 ? Math.min(r.credits(), r.required()) : 0;
    }
    return new Score(rank, satisfied, capped);
  }

  /** The score of a reported tree. */
  static Score score(NodeResult root) {
    int rank = switch (root.status()) {
      case SATISFIED -> 2;
      case PARTIAL -> 1;
      case MISSING -> 0;
    };
    int satisfied = 0;
    double capped = 0;
    for (NodeResult n : Fixture.all(root)) {
      satisfied += n.status() == Status.SATISFIED ? 1 : 0;
      capped += n.requiredCredits() > 1e-9 ? Math.min(n.credits(), n.requiredCredits()) : 0;
    }
    return new Score(rank, satisfied, capped);
  }

  /** The best score over every valid assignment, or null when there are more than {@code limit} to try. */
  Score bestByEnumeration(Requirement tree, long limit) {
    List<List<Choice>> options = new ArrayList<>();
    long combinations = 1;
    for (List<Requirement> path : leafPaths) {
      Requirement.CredentialLeaf leaf = (Requirement.CredentialLeaf) path.getLast();
      List<Choice> c = waived.contains(leaf.id()) ? List.of(alone(leaf)) : choices(leaf);
      options.add(c);
      combinations *= c.size();
      if (combinations > limit) {
        return null;
      }
    }
    Score[] best = {null};
    enumerate(tree, options, new ArrayList<>(), best);
    return best[0];
  }

  private void enumerate(Requirement tree, List<List<Choice>> options, List<Choice> chosen, Score[] best) {
    if (chosen.size() == options.size()) {
      if (valid(chosen)) {
        Score s = score(tree, chosen);
        if (best[0] == null || s.compare(best[0]) > 0) {
          best[0] = s;
        }
      }
      return;
    }
    for (Choice c : options.get(chosen.size())) {
      chosen.add(c);
      enumerate(tree, options, chosen, best);
      chosen.removeLast();
    }
  }

  /**
   * Checks a reported tree: each credential leaf counts a valid choice, no two competing leaves count the same
   * credential, and every node's status, satisfied count and credits are what the rules give for those choices.
   */
  void check(Requirement tree, NodeResult reported, String context) {
    List<Choice> choices = new ArrayList<>();
    readChoices(tree, reported, choices, context);
    assertTrue(valid(choices), () -> context + ": a credential counts in two competing leaves: " + choices);
    Map<Requirement, Result> results = new IdentityHashMap<>();
    evaluate(tree, choices, new int[] {0}, results, new ArrayList<>());
    compare(tree, reported, results, context);
  }

  private void readChoices(Requirement node, NodeResult reported, List<Choice> out, String context) {
    switch (node) {
      case Requirement.CredentialLeaf leaf -> {
        IntSet counted = reported.countedCredentials();
        if (waived.contains(leaf.id())) {
          // a waived leaf is met, reports nothing counted, and is judged as if nothing competed for its holdings
          out.add(alone(leaf));
          return;
        }
        assertEquals(counted, counted.intersect(holdings.credentials()), context + ": counts what is not held");
        Choice choice = switch (reported.status()) {
          case SATISFIED -> {
            assertEquals(1, counted.size(), context + ": a satisfied leaf counts one credential");
            int whole = counted.get(0);
            assertTrue(whole == leaf.credential()
                || substitutes.getOrDefault(leaf.id(), List.of()).contains(whole), context + ": " + leaf.id()
                + " counts " + whole + ", neither its credential nor a substitute");
            yield new Choice(whole, IntSet.empty());
          }
          case PARTIAL -> {
            assertTrue(!counted.isEmpty() && !counted.contains(leaf.credential()), context + ": partial " + leaf.id());
            counted.stream().forEach(p -> assertTrue(snapshot.credential(p).creditsToward(leaf.credential()) > 0,
                context + ": " + p + " does not stack into " + leaf.credential()));
            yield new Choice(-1, counted);
          }
          case MISSING -> {
            assertTrue(counted.isEmpty(), context + ": a missing leaf counts nothing");
            yield Choice.NONE;
          }
        };
        out.add(choice);
      }
      case Condition c -> {
        for (int i = 0; i < c.children().size(); i++) {
          readChoices(c.children().get(i), reported.children().get(i), out, context);
        }
      }
      case Requirement.CompetencyLeaf leaf -> { }
    }
  }

  private void compare(Requirement node, NodeResult reported, Map<Requirement, Result> results, String context) {
    Result expected = results.get(node);
    assertEquals(expected.status(), reported.status(), () -> context + ": status of " + node.id());
    assertEquals(expected.credits(), reported.credits(), 1e-6, () -> context + ": credits of " + node.id());
    assertEquals(expected.satisfiedCount(), reported.satisfiedCount(), () -> context + ": satisfied of " + node.id());
    if (node instanceof Condition c) {
      for (int i = 0; i < c.children().size(); i++) {
        compare(c.children().get(i), reported.children().get(i), results, context);
      }
    }
  }

  /** Evaluates {@code node}; returns what it hands a credit rule above: whole credentials, and parts per target. */
  private Counted evaluate(Requirement node, List<Choice> choices, int[] next, Map<Requirement, Result> results,
      List<Requirement> unused) {
    Counted counted = new Counted();
    Result result;
    switch (node) {
      case Requirement.CredentialLeaf leaf -> {
        Choice choice = choices.get(next[0]++);
        if (choice.whole() >= 0) {
          counted.wholes.add(choice.whole());
        } else if (!choice.parts().isEmpty()) {
          counted.toward.computeIfAbsent(leaf.credential(), k -> new TreeSet<>())
              .addAll(choice.parts().stream().boxed().toList());
        }
        Status status = choice.whole() >= 0 ? Status.SATISFIED
            : choice.parts().isEmpty() ? Status.MISSING : Status.PARTIAL;
        result = new Result(status, counted.credits(), snapshot.credential(leaf.credential()).ects(),
            status == Status.SATISFIED ? 1 : 0);
      }
      case Requirement.CompetencyLeaf leaf -> {
        boolean held = holdings.competencies().contains(leaf.competency());
        result = new Result(held ? Status.SATISFIED : Status.MISSING, 0, 0, held ? 1 : 0);
      }
      case Condition c -> {
        int satisfied = 0;
        boolean some = false;
        double sum = 0;
        for (Requirement child : c.children()) {
          counted.add(evaluate(child, choices, next, results, unused));
          Result r = results.get(child);
          satisfied += r.status() == Status.SATISFIED ? 1 : 0;
          some |= r.status() != Status.MISSING;
          sum += r.credits();
        }
        boolean byCredits = c.rule() == Requirement.Rule.MINIMUM_CREDITS;
        double credits = byCredits ? counted.credits() : sum;
        boolean met = switch (c.rule()) {
          case ALL_OF -> satisfied == c.children().size();
          case AT_LEAST -> satisfied >= c.requiredNumber();
          case MINIMUM_CREDITS -> credits >= c.minimumCredits() - 1e-9;
        };
        Status status = met ? Status.SATISFIED
            : (byCredits ? credits > 1e-9 : some) ? Status.PARTIAL : Status.MISSING;
        result = new Result(status, credits, byCredits ? c.minimumCredits() : 0, satisfied);
      }
    }
    if (waived.contains(node.id())) {
      // met without using anything, bringing the credits it asks for
      double asked = result.required();
      results.put(node, new Result(Status.SATISFIED, asked, asked, result.satisfiedCount()));
      Counted fixed = new Counted();
      fixed.waivedCredits = asked;
      return fixed;
    }
    results.put(node, result);
    return counted;
  }

  /** What a subtree counts for a credit rule. */
  private final class Counted {
    final TreeSet<Integer> wholes = new TreeSet<>();
    final TreeMap<Integer, TreeSet<Integer>> toward = new TreeMap<>();
    double waivedCredits;

    void add(Counted other) {
      wholes.addAll(other.wholes);
      other.toward.forEach((t, p) -> toward.computeIfAbsent(t, k -> new TreeSet<>()).addAll(p));
      waivedCredits += other.waivedCredits;
    }

    /** Each whole once; a whole's parts counted whole give only what is not inside it; partial credit toward the rest. */
    double credits() {
      double total = waivedCredits;
      Map<Integer, Double> inside = new TreeMap<>();
      for (int w : wholes) {
        total += snapshot.credential(w).ects();
        int into = -1;
        double most = 0;
        for (StackLink link : snapshot.credential(w).stacksInto()) {
          double t = snapshot.credential(w).creditsToward(link.target());
          boolean better = t > most || t == most && into >= 0 && link.target() < into;
          if (link.target() != w && wholes.contains(link.target()) && t > 0 && better) {
            into = link.target();
            most = t;
          }
        }
        if (into >= 0) {
          inside.merge(into, Math.min(snapshot.credential(w).ects(), most), Double::sum);
        }
      }
      for (Map.Entry<Integer, Double> e : inside.entrySet()) {
        total -= Math.min(snapshot.credential(e.getKey()).ects(), e.getValue());
      }
      for (Map.Entry<Integer, TreeSet<Integer>> e : toward.entrySet()) {
        if (wholes.contains(e.getKey())) {
          continue;
        }
        double sum = 0;
        for (int p : e.getValue()) {
          sum += wholes.contains(p) ? 0 : snapshot.credential(p).creditsToward(e.getKey());
        }
        total += Math.min(snapshot.credential(e.getKey()).ects(), sum);
      }
      return total;
    }
  }
}
