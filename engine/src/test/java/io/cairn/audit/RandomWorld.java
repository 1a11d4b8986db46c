package io.cairn.audit;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.Requirement.Condition;
import io.cairn.catalog.Requirement.Rule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * A random catalog for the property tests: a few competencies, few credentials (so that trees name the same ones
 * often and compete for them) teaching some competencies, stacking links upward, and random requirement trees.
 */
final class RandomWorld {
  enum DoubleCounting { NONE, ALL, MIXED }

  private static final double[] ECTS = {0, 1, 2, 3, 5, 10};
  final CatalogSnapshot snapshot;
  final int credentials;
  final int competencies;
  IntSet declared = IntSet.empty();
  private int nodes;

  private RandomWorld(CatalogSnapshot snapshot, int credentials, int competencies) {
    this.snapshot = snapshot;
    this.credentials = credentials;
    this.competencies = competencies;
  }

  static RandomWorld random(Random rnd) {
    Fixture f = new Fixture();
    int nk = 3 + rnd.nextInt(4);
    int nc = 4 + rnd.nextInt(6);
    for (int k = 0; k < nk; k++) {
      f.competency("k" + k);
    }
    for (int c = 0; c < nc; c++) {
      int[] teaches = rnd.ints(rnd.nextInt(3), 0, nk).toArray();
      f.credential("c" + c, ECTS[rnd.nextInt(ECTS.length)], teaches);
    }
    for (int c = 0; c < nc - 1; c++) {
      if (rnd.nextInt(10) < 6) {
        f.stack(c, c + 1 + rnd.nextInt(nc - c - 1), 1 + rnd.nextInt(5));
      }
    }
    return new RandomWorld(f.snapshot(), nc, nk);
  }

  Requirement tree(Random rnd, DoubleCounting dc) {
    return tree(rnd, dc, 3);
  }

  Requirement tree(Random rnd, DoubleCounting dc, int depth) {
    return condition(rnd, dc, depth);
  }

  Holdings holdings(Random rnd) {
    BitSet bits = new BitSet();
    for (int k = 0; k < competencies; k++) {
      if (rnd.nextInt(5) == 0) {
        bits.set(k);
      }
    }
    declared = IntSet.of(bits);
    return Holdings.of(snapshot, randomCredentials(rnd, rnd.nextDouble()), declared);
  }

  IntSet randomCredentials(Random rnd, double p) {
    BitSet bits = new BitSet();
    for (int c = 0; c < credentials; c++) {
      if (rnd.nextDouble() < p) {
        bits.set(c);
      }
    }
    return IntSet.of(bits);
  }

  /** Holdings with {@code extra} credentials added (and what they teach). */
  Holdings more(Holdings fewer, IntSet extra) {
    return Holdings.of(snapshot, fewer.credentials().union(extra), declared);
  }

  AuditResult audit(Auditor auditor, Requirement tree, Holdings holdings, List<AdvisorException> exceptions) {
    return auditor.audit(snapshot, Fixture.pathway("p", Fixture.destination("d", -1, tree)), holdings, exceptions);
  }

  NodeResult audit(Requirement tree, Holdings holdings) {
    return Fixture.tree(audit(Auditor.standard(), tree, holdings, List.of()));
  }

  /** Random advisor exceptions on {@code tree}: substitutes for some credential leaves, now and then a waiver. */
  List<AdvisorException> exceptions(Random rnd, Requirement tree) {
    List<AdvisorException> out = new ArrayList<>();
    for (Requirement node : nodes(tree, new ArrayList<>())) {
      if (node instanceof Requirement.CredentialLeaf && rnd.nextInt(5) == 0) {
        out.add(AdvisorException.substitute(node.id(), rnd.nextInt(credentials), "random"));
        if (rnd.nextBoolean()) {
          out.add(AdvisorException.substitute(node.id(), rnd.nextInt(credentials), "another"));
        }
      }
      // the destination's whole requirement cannot be waived (ExceptionBook refuses it)
      if (rnd.nextInt(15) == 0 && node != tree) {
        out.add(AdvisorException.waive(node.id(), "random"));
      }
    }
    return out;
  }

  private static List<Requirement> nodes(Requirement node, List<Requirement> out) {
    out.add(node);
    if (node instanceof Condition c) {
      c.children().forEach(child -> nodes(child, out));
    }
    return out;
  }

  private Requirement node(Random rnd, DoubleCounting dc, int depth) {
    if (depth > 0 && rnd.nextInt(10) < 5) {
      return condition(rnd, dc, depth);
    }
    String id = "n" + nodes++;
    return rnd.nextInt(5) == 0
        ? Fixture.comp(id, rnd.nextInt(competencies))
        : Fixture.cred(id, rnd.nextInt(credentials));
  }

  private Condition condition(Random rnd, DoubleCounting dc, int depth) {
    String id = "n" + nodes++;
    List<Requirement> children = new ArrayList<>();
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      children.add(node(rnd, dc, depth - 1));
    }
    Rule rule = Rule.values()[rnd.nextInt(Rule.values().length)];
    boolean doubleCounting = switch (dc) {
      case NONE -> false;
      case ALL -> true;
      case MIXED -> rnd.nextBoolean();
    };
    return new Condition(Fixture.CONDITION + id, id, id, rule,
        rule == Rule.AT_LEAST ? 1 + rnd.nextInt(n) : n,
        rule == Rule.MINIMUM_CREDITS ? 1 + rnd.nextInt(12) : 0, doubleCounting, children);
  }
}
