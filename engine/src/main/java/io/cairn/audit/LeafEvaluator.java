package io.cairn.audit;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement.CompetencyLeaf;
import io.cairn.catalog.Requirement.CredentialLeaf;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Evaluates credential and competency leaves against what is still available. */
final class LeafEvaluator {
  private final CatalogSnapshot snapshot;
  private final Holdings holdings;
  private final ExceptionBook exceptions;

  LeafEvaluator(CatalogSnapshot snapshot, Holdings holdings, ExceptionBook exceptions) {
    this.snapshot = snapshot;
    this.holdings = holdings;
    this.exceptions = exceptions;
  }

  /** Consumes from {@code available} whatever the leaf counts. */
  Evaluation credential(CredentialLeaf leaf, Availability available) {
    int wanted = leaf.credential();
    double ects = snapshot.credential(wanted).ects();
    if (available.has(wanted)) {
      return counted(leaf, available, Status.SATISFIED, IntSet.of(wanted), whole(wanted, ects), null);
    }
    for (AdvisorException substitution : exceptions.substitutions(leaf)) {
      int stand = substitution.substitute();
      if (available.has(stand)) {
        Credential substitute = snapshot.credential(stand);
        return counted(leaf, available, Status.SATISFIED, IntSet.of(stand), whole(stand, substitute.ects()),
            text("substituted by " + substitute.id(), substitution.note()));
      }
    }
    return partial(leaf, available, ects);
  }

  /**
   * The credentials a credential leaf may look at or consume: itself, the parts that stack into it, and the
   * advisor's substitutes for it. Its evaluation depends on nothing else that is available.
   */
  BitSet reach(CredentialLeaf leaf) {
    BitSet reach = snapshot.stackedFrom(leaf.credential()).toBitSet();
    reach.set(leaf.credential());
    exceptions.substitutions(leaf).forEach(s -> reach.set(s.substitute()));
    return reach;
  }

  /** Competency leaves never consume: a competency is not used up by counting it. */
  Evaluation competency(CompetencyLeaf leaf) {
    int wanted = leaf.competency();
    boolean held = holdings.competencies().contains(wanted);
    IntSet teaching = holdings.credentials().intersect(snapshot.taughtBy(wanted));
    NodeResult result = new NodeResult(leaf.iri(), leaf.id(), leaf.name(), NodeResult.COMPETENCY,
        held ? Status.SATISFIED : Status.MISSING, held ? 1 : 0, 1, 0, 0, teaching,
        held ? IntSet.of(wanted) : IntSet.empty(), null, wanted, List.of());
    return new Evaluation(result, new Tally());
  }

  private static Tally whole(int credential, double credits) {
    Tally tally = new Tally();
    tally.credit(credential, credits);
    return tally;
  }

  static String text(String head, String note) {
    return note.isBlank() ? head : head + ": " + note;
  }

  /**
   * The credential itself is not available (not held, or already counted by an earlier sibling): parts that stack
   * directly into it give partial credit, capped at its ECTS.
   */
  private Evaluation partial(CredentialLeaf leaf, Availability available, double cap) {
    int wanted = leaf.credential();
    List<Integer> parts = new ArrayList<>();
    Tally tally = new Tally();
    double credited = 0;
    for (int part : snapshot.stackedFrom(wanted).toArray()) {
      double transfer = snapshot.credential(part).creditsToward(wanted);
      if (available.has(part) && transfer > 0) {
        parts.add(part);
        // attribution per part is greedy in index order so the tally sums to the capped figure
        double share = Math.min(transfer, Math.max(0, cap - credited));
        tally.creditToward(wanted, part, share);
        credited += share;
      }
    }
    if (parts.isEmpty()) {
      return counted(leaf, available, Status.MISSING, IntSet.empty(), tally, null);
    }
    return counted(leaf, available, Status.PARTIAL, IntSet.of(parts), tally, null);
  }

  private Evaluation counted(CredentialLeaf leaf, Availability available, Status status, IntSet counted,
      Tally tally, String exception) {
    available.consume(counted);
    NodeResult result = new NodeResult(leaf.iri(), leaf.id(), leaf.name(), NodeResult.CREDENTIAL, status,
        status == Status.SATISFIED ? 1 : 0, 1, tally.total(), snapshot.credential(leaf.credential()).ects(),
        counted, IntSet.empty(), exception, leaf.credential(), List.of());
    return new Evaluation(result, tally);
  }
}
