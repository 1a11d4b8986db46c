package io.cairn.plan;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import io.cairn.audit.AdvisorException;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Destination;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.Requirement.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * A pathway's requirement trees as linear constraints over a {@link SatModel}, with the audit's semantics as a best
 * fit: holdings are assigned to leaves so that the destination is satisfied if any assignment can. A node is
 * satisfied only if its rule holds (all-of: every child; at-least N: N children; minimum credits: the credits of
 * what its leaves count); a credential leaf counts the credential itself or an advisor's substitute, or, toward a
 * credit rule, partial credit from parts that stack into it (capped at its ECTS, never together with the whole).
 * A held credential counts once: two leaves may both use it only when a condition allowing double counting lies
 * between one of them and the node where their paths meet, and never twice within one credit rule. Waived nodes are
 * satisfied and bring their required credits; the destination is also satisfied by holding its credential.
 */
final class RequirementConstraints {
  private final SatModel sat;
  private final Aim.PathwayAim aim;
  private final List<Literal> destinations = new ArrayList<>();
  private final List<Literal> nodes = new ArrayList<>();
  private final List<Use> uses = new ArrayList<>();
  private final Literal reached;

  /** One way a leaf may count a credential: itself, as a substitute, or as a part toward the leaf's credential. */
  private record Use(int credential, int toward, Literal literal, List<Condition> path) {}

  /** A node's literal (satisfied) and the credits it counts, in tenths of ECTS. */
  private record Node(Literal satisfied, LinearExpr credits) {}

  RequirementConstraints(SatModel sat, Aim.PathwayAim aim) {
    this.sat = sat;
    this.aim = aim;
    for (Destination d : aim.destinations()) {
      Literal byCredential = d.credential() >= 0 ? sat.has(d.credential()) : sat.no();
      Literal byTree = d.requirement() == null ? sat.no() : node(d.requirement(), List.of()).satisfied();
      shareOnlyWhereAllowed();
      uses.clear();
      destinations.add(or("destination " + d.id(), byCredential, byTree));
    }
    reached = or("reached", destinations.toArray(Literal[]::new));
  }

  Literal reached() {
    return reached;
  }

  /**
   * Adds the value of the trees to {@code value}, in {@link SatObjective#VALUE_SCALE} units: one per satisfied node,
   * and as much as all of them again for a satisfied destination.
   */
  void addValue(LinearExprBuilder value) {
    for (Literal n : nodes) {
      if (n != sat.no()) {
        value.addTerm(n, SatObjective.VALUE_SCALE);
      }
    }
    long bonus = SatObjective.VALUE_SCALE * (nodes.size() + 1);
    for (Literal d : destinations) {
      if (d != sat.no()) {
        value.addTerm(d, bonus);
      }
    }
  }

  private Node node(Requirement requirement, List<Condition> path) {
    if (waived(requirement)) {
      double credits = switch (requirement) {
        case Requirement.CredentialLeaf leaf -> sat.problem().snapshot().credential(leaf.credential()).ects();
        case Condition c -> c.rule() == Requirement.Rule.MINIMUM_CREDITS ? c.minimumCredits() : 0;
        case Requirement.CompetencyLeaf leaf -> 0;
      };
      nodes.add(sat.yes());
      return new Node(sat.yes(), LinearExpr.constant(Math.round(credits * SatModel.CREDIT_SCALE)));
    }
    Node node = switch (requirement) {
      case Requirement.CompetencyLeaf leaf -> new Node(sat.covers(leaf.competency()), LinearExpr.constant(0));
      case Requirement.CredentialLeaf leaf -> credential(leaf, path);
      case Condition c -> condition(c, path);
    };
    nodes.add(node.satisfied());
    return node;
  }

  private Node condition(Condition c, List<Condition> path) {
    List<Condition> below = new ArrayList<>(path);
    below.add(c);
    List<Node> children = new ArrayList<>();
    for (Requirement child : c.children()) {
      children.add(node(child, below));
    }
    LinearExprBuilder credits = LinearExpr.newBuilder();
    children.forEach(n -> credits.add(n.credits()));
    LinearExpr creditSum = credits.build();
    BoolVar satisfied = sat.model.newBoolVar("satisfied " + c.id());
    switch (c.rule()) {
      case ALL_OF -> children.forEach(n -> sat.model.addImplication(satisfied, n.satisfied()));
      case AT_LEAST -> {
        LinearExprBuilder count = LinearExpr.newBuilder();
        children.forEach(n -> count.add(n.satisfied()));
        count.addTerm(satisfied, -c.requiredNumber());
        sat.model.addGreaterOrEqual(count.build(), 0);
      }
      case MINIMUM_CREDITS -> sat.model.addGreaterOrEqual(LinearExpr.newBuilder().add(creditSum)
          .addTerm(satisfied, -Math.round(c.minimumCredits() * SatModel.CREDIT_SCALE)).build(), 0);
    }
    return new Node(satisfied, creditSum);
  }

  private Node credential(Requirement.CredentialLeaf leaf, List<Condition> path) {
    CatalogSnapshot s = sat.problem().snapshot();
    int wanted = leaf.credential();
    List<Integer> options = new ArrayList<>();
    options.add(wanted);
    for (AdvisorException e : aim.exceptions()) {
      if (e.kind() == AdvisorException.Kind.SUBSTITUTE && names(e, leaf) && !options.contains(e.substitute())) {
        options.add(e.substitute());
      }
    }
    LinearExprBuilder whole = LinearExpr.newBuilder();
    List<Literal> any = new ArrayList<>();
    for (int c : options) {
      Literal has = sat.has(c);
      if (has == sat.no()) {
        continue;
      }
      BoolVar use = sat.model.newBoolVar("count " + s.credential(c).id() + " at " + leaf.id());
      if (has != sat.yes()) {
        sat.model.addImplication(use, has);
      }
      any.add(use);
      uses.add(new Use(c, -1, use, path));
      whole.addTerm(use, Math.round(s.credential(c).ects() * SatModel.CREDIT_SCALE));
    }
    if (any.size() > 1) {
      sat.model.addAtMostOne(any);
    }
    Literal satisfied = or("satisfied " + leaf.id(), any.toArray(Literal[]::new));
    if (path.stream().noneMatch(c -> c.rule() == Requirement.Rule.MINIMUM_CREDITS)) {
      return new Node(satisfied, whole.build());
    }
    // partial credit toward a credit rule: parts stacking into the credential, when it is not counted itself
    long cap = Math.round(s.credential(wanted).ects() * SatModel.CREDIT_SCALE);
    LinearExprBuilder parts = LinearExpr.newBuilder();
    long possible = 0;
    for (int part : s.stackedFrom(wanted).toArray()) {
      long t = Math.round(s.credential(part).creditsToward(wanted) * SatModel.CREDIT_SCALE);
      Literal has = sat.has(part);
      if (t <= 0 || has == sat.no()) {
        continue;
      }
      BoolVar use = sat.model.newBoolVar("count part " + s.credential(part).id() + " at " + leaf.id());
      if (has != sat.yes()) {
        sat.model.addImplication(use, has);
      }
      for (Literal w : any) {
        sat.model.addImplication(use, w.not());
      }
      uses.add(new Use(part, wanted, use, path));
      parts.addTerm(use, t);
      possible += t;
    }
    if (possible == 0 || cap == 0) {
      return new Node(satisfied, whole.build());
    }
    IntVar partial = sat.model.newIntVar(0, Math.min(cap, possible), "partial credit at " + leaf.id());
    sat.model.addLessOrEqual(partial, parts.build());
    return new Node(satisfied, LinearExpr.newBuilder().add(whole.build()).add(partial).build());
  }

  /** Pairs of uses of one credential that the double-counting rules do not allow exclude each other. */
  private void shareOnlyWhereAllowed() {
    for (int i = 0; i < uses.size(); i++) {
      Use a = uses.get(i);
      for (int j = i + 1; j < uses.size(); j++) {
        Use b = uses.get(j);
        boolean same = a.credential() == b.credential();
        // a part's credits toward C are inside C's own: not both within one credit rule
        boolean partAndWhole = a.toward() >= 0 && a.toward() == b.credential()
            || b.toward() >= 0 && b.toward() == a.credential();
        if ((same && !mayShare(a.path(), b.path())) || (partAndWhole && withinCreditRule(a.path(), b.path()))) {
          sat.model.addBoolOr(new Literal[] {a.literal().not(), b.literal().not()});
        }
      }
    }
  }

  /** Double counting is allowed between two leaves when a condition below their meeting point allows it. */
  private static boolean mayShare(List<Condition> a, List<Condition> b) {
    int common = common(a, b);
    if (a.subList(0, common).stream().anyMatch(c -> c.rule() == Requirement.Rule.MINIMUM_CREDITS)) {
      return false;
    }
    return a.subList(common, a.size()).stream().anyMatch(Condition::allowsDoubleCounting)
        || b.subList(common, b.size()).stream().anyMatch(Condition::allowsDoubleCounting);
  }

  private static boolean withinCreditRule(List<Condition> a, List<Condition> b) {
    return a.subList(0, common(a, b)).stream().anyMatch(c -> c.rule() == Requirement.Rule.MINIMUM_CREDITS);
  }

  private static int common(List<Condition> a, List<Condition> b) {
    int n = 0;
    while (n < a.size() && n < b.size() && a.get(n) == b.get(n)) {
      n++;
    }
    return n;
  }

  private boolean waived(Requirement node) {
    for (AdvisorException e : aim.exceptions()) {
      if (e.kind() == AdvisorException.Kind.WAIVE && names(e, node)) {
        return true;
      }
    }
    return false;
  }

  private static boolean names(AdvisorException e, Requirement node) {
    return e.requirement().equals(node.id()) || e.requirement().equals(node.iri());
  }

  /** A literal true only if one of {@code literals} is (constants folded). */
  private Literal or(String name, Literal... literals) {
    List<Literal> open = new ArrayList<>();
    for (Literal l : literals) {
      if (l == sat.yes()) {
        return sat.yes();
      }
      if (l != sat.no()) {
        open.add(l);
      }
    }
    if (open.isEmpty()) {
      return sat.no();
    }
    if (open.size() == 1) {
      return open.getFirst();
    }
    BoolVar any = sat.model.newBoolVar(name);
    open.add(any.not());
    sat.model.addBoolOr(open);
    return any;
  }
}
