package io.cairn.plan;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialFacts;
import io.cairn.catalog.IntSet;
import java.util.BitSet;

/**
 * Drops candidates that can never do better than another one: a candidate is dominated when another teaches every
 * relevant skill it teaches, costs no more, takes no longer and needs no prerequisite it does not need itself (ties
 * go to the lower index). A dominated candidate can be swapped for its dominator in any plan without making the
 * plan worse on cost or hours, or leaving the goal, so removing it keeps the optimum. Candidates with another role
 * stay: included ones, wholes teaching a relevant skill that parts in the pool may grant, those parts (earning them
 * may grant it), and those another candidate needs as a prerequisite (as a credential, or by teaching a required
 * competency).
 */
final class Dominance {
  private Dominance() {}

  /**
   * The candidates of {@code members} that are not dominated, as a set.
   *
   * @param dominators how many others must dominate a candidate for it to go: one for a single plan; as many as
   *     plans are asked for when alternatives are, since each alternative must do without a credential of every
   *     earlier plan and may need the next best in its place
   * @param relevant the skills that matter to the objective (the unmet targets and, for the value objective, the
   *     skills of the occupations it may make attainable)
   */
  static BitSet undominated(CatalogSnapshot s, BitSet members, BitSet purchasable, IntSet relevant, IntSet include,
      int dominators) {
    CredentialFacts facts = s.facts();
    BitSet roles = roles(s, members, include, relevant);
    BitSet kept = (BitSet) members.clone();
    for (int c = members.nextSetBit(0); c >= 0; c = members.nextSetBit(c + 1)) {
      if (roles.get(c) || !purchasable.get(c)) {
        continue;
      }
      IntSet skills = s.credential(c).teaches().intersect(relevant);
      if (skills.isEmpty()) {
        kept.clear(c);
        continue;
      }
      IntSet rivals = rarest(s, skills);
      int found = 0;
      for (int i = 0; i < rivals.size() && found < dominators; i++) {
        int d = rivals.get(i);
        if (d != c && members.get(d) && purchasable.get(d) && dominates(s, facts, d, c, skills, relevant)) {
          found++;
        }
      }
      if (found >= dominators) {
        kept.clear(c);
      }
    }
    return kept;
  }

  private static boolean dominates(CatalogSnapshot s, CredentialFacts facts, int d, int c, IntSet skills,
      IntSet relevant) {
    double costD = facts.cost(d);
    double costC = facts.cost(c);
    double hoursD = facts.hours(d);
    double hoursC = facts.hours(c);
    if (costD > costC || hoursD > hoursC) {
      return false;
    }
    IntSet skillsD = s.credential(d).teaches();
    if (skillsD.intersectionSize(skills) < skills.size()) {
      return false;
    }
    if (facts.hasPrerequisites(d)) {
      Credential cd = s.credential(d);
      Credential cc = s.credential(c);
      if (cd.requiredCredentials().minus(cc.requiredCredentials()).size() > 0
          || cd.requiredCompetencies().minus(cc.requiredCompetencies()).size() > 0) {
        return false;
      }
    }
    // equal on every count: the lower index stays, so that two equals never remove each other
    return costD < costC || hoursD < hoursC || skillsD.intersect(relevant).size() > skills.size() || d < c;
  }

  /** The teachers of the relevant skill taught by the fewest credentials: every dominator is among them. */
  private static IntSet rarest(CatalogSnapshot s, IntSet skills) {
    IntSet best = s.taughtBy(skills.get(0));
    for (int i = 1; i < skills.size(); i++) {
      IntSet teachers = s.taughtBy(skills.get(i));
      if (teachers.size() < best.size()) {
        best = teachers;
      }
    }
    return best;
  }

  /** Candidates with a role beyond their own skills. */
  private static BitSet roles(CatalogSnapshot s, BitSet members, IntSet include, IntSet relevant) {
    BitSet roles = new BitSet();
    include.stream().forEach(roles::set);
    BitSet requiredCompetencies = new BitSet();
    for (int c = members.nextSetBit(0); c >= 0; c = members.nextSetBit(c + 1)) {
      IntSet parts = s.stackedFrom(c);
      // a whole that teaches something relevant may be granted by its parts, at no cost: it and its parts stay
      if (!parts.isEmpty() && s.credential(c).teaches().intersectionSize(relevant) > 0) {
        parts.stream().filter(members::get).forEach(roles::set);
        roles.set(c);
      }
      if (s.facts().hasPrerequisites(c)) {
        s.credential(c).requiredCredentials().stream().forEach(roles::set);
        s.credential(c).requiredCompetencies().stream().forEach(requiredCompetencies::set);
      }
    }
    for (int k = requiredCompetencies.nextSetBit(0); k >= 0; k = requiredCompetencies.nextSetBit(k + 1)) {
      s.taughtBy(k).stream().filter(members::get).forEach(roles::set);
    }
    return roles;
  }
}
