package io.cairn.rank;

import io.cairn.audit.AuditResult;
import io.cairn.audit.OpenLeaf;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.CredentialFacts;
import io.cairn.catalog.FactBits;
import io.cairn.catalog.IntSet;
import io.cairn.learner.ResolvedLearner;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Finds the credentials worth considering: not held, advancing the goal (an unmet target or an open requirement),
 * and takeable now or one prerequisite away.
 */
final class CandidateGenerator {

  /**
   * How many candidates fit the constraints ({@code eligible}), and the counts behind them: {@code candidates}
   * advance the goal and can be taken now or one step away, {@code advancing} advance the goal at all; what the
   * constraints and prerequisites left out is in {@code exclusions}.
   */
  record Result(int eligible, int candidates, int advancing, Exclusions exclusions) {}

  /**
   * The candidates toward {@code goal}, whose per-credential coverage {@code coverage} already holds; those that fit
   * the constraints are added to {@code eligible} (which must be clear). With {@code plain} true and no open
   * requirement, the credentials without prerequisites are counted a word of 64 at a time and added as plain
   * candidates ({@link EligibleCandidates#addPlain}), their facts unread unless one lies near a limit.
   */
  Result generate(CatalogSnapshot snapshot, GoalTargets goal, ResolvedLearner learner, GoalCoverage coverage,
      ConstraintCheck check, EligibleCandidates eligible, boolean plain) {
    List<OpenLeaf> openLeaves = openLeaves(goal);
    if (plain && openLeaves.isEmpty()) {
      return byWords(snapshot, learner, coverage, check, eligible, coverage.firstWord(), coverage.lastWord());
    }
    Exclusions exclusions = new Exclusions();
    int advancing = 0;
    // without open requirements the reachable credentials are the touched ones: no copy of them is made
    BitSet reachable = openLeaves.isEmpty() ? null : reachable(snapshot, coverage, openLeaves);
    // in index order either way (see GoalCoverage)
    IntUnaryOperator next = reachable == null ? coverage::nextTouched : reachable::nextSetBit;
    for (int c = next.applyAsInt(0); c >= 0; c = next.applyAsInt(c + 1)) {
      if (learner.credentials().contains(c)) {
        continue;
      }
      List<RequirementStep> steps = openLeaves.isEmpty() ? List.of() : RequirementStep.advancedBy(snapshot.credential(c), openLeaves);
      // a touched credential teaches an unmet target: only a reachable one may advance nothing
      if (reachable != null && steps.isEmpty() && coverage.count(c) == 0) {
        continue;
      }
      advancing++;
      consider(snapshot, c, steps, coverage, check, eligible, exclusions);
    }
    eligible.pending().consider(snapshot, learner, coverage, check, eligible, exclusions);
    return new Result(eligible.size(), advancing - exclusions.prerequisitesTooFarCount(), advancing, exclusions);
  }

  /** True when the goal has no open requirement, so that plain candidates are counted {@link #byWords}. */
  static boolean countsByWords(GoalTargets goal) {
    return openLeaves(goal).isEmpty();
  }

  private static List<OpenLeaf> openLeaves(GoalTargets goal) {
    return goal.audit().map(AuditResult::openLeaves).orElse(List.of());
  }

  /**
   * The goal has no open requirement, so every touched credential the learner does not hold advances it; those in
   * words {@code fromWord} to {@code toWord} of the touched bit set are considered (a large request's halves run
   * on two threads, each with its own {@code eligible}; {@code check} must be {@link ConstraintCheck#prepareWords
   * prepared} first). Those with prerequisites are considered in stages ({@link PendingPrerequisites}); the rest, 64
   * to a word, are counted against the constraints with the snapshot's {@link io.cairn.catalog.FactBits}, and those
   * that fit are added as plain candidates.
   */
  Result byWords(CatalogSnapshot snapshot, ResolvedLearner learner, GoalCoverage coverage,
      ConstraintCheck check, EligibleCandidates eligible, int fromWord, int toWord) {
    FactBits bits = snapshot.facts().bits();
    Exclusions exclusions = new Exclusions();
    IntSet held = learner.credentials();
    PendingPrerequisites pending = eligible.pending();
    int nextHeld = 0;
    int advancing = 0;
    for (int w = Math.max(fromWord, coverage.firstWord()); w <= Math.min(toWord, coverage.lastWord()); w++) {
      long open = coverage.touchedWord(w);
      if (open == 0) {
        continue;
      }
      while (nextHeld < held.size() && held.get(nextHeld) >>> 6 < w) {
        nextHeld++;
      }
      for (int h = nextHeld; h < held.size() && held.get(h) >>> 6 == w; h++) {
        open &= ~(1L << held.get(h));
      }
      advancing += Long.bitCount(open);
      long withPrerequisites = open & bits.withPrerequisites(w);
      for (long b = withPrerequisites; b != 0; b &= b - 1) {
        pending.add((w << 6) + Long.numberOfTrailingZeros(b), List.of());
      }
      for (long b = check.fitting(w, open & ~withPrerequisites, exclusions); b != 0; b &= b - 1) {
        int c = (w << 6) + Long.numberOfTrailingZeros(b);
        eligible.addPlain(c, coverage.weight(c));
      }
    }
    pending.consider(snapshot, learner, coverage, check, eligible, exclusions);
    return new Result(eligible.size() + eligible.plainSize(), advancing - exclusions.prerequisitesTooFarCount(),
        advancing, exclusions);
  }

  /**
   * One credential that advances the goal: one with prerequisites waits for the batch ({@link PendingPrerequisites});
   * one without is counted under the constraint it breaks, or added to {@code eligible}.
   */
  private static void consider(CatalogSnapshot snapshot, int c, List<RequirementStep> steps, GoalCoverage coverage,
      ConstraintCheck check, EligibleCandidates eligible, Exclusions exclusions) {
    CredentialFacts facts = snapshot.facts();
    if (facts.hasPrerequisites(c)) {
      eligible.pending().add(c, steps);
      return;
    }
    int violation = check.violation(c, IntSet.empty(), facts.cost(c), facts.hours(c));
    if (violation != ConstraintCheck.FITS) {
      exclusions.add(violation);
      return;
    }
    eligible.add(c, coverage.weight(c), steps, IntSet.empty(), IntSet.empty(), facts.cost(c), facts.hours(c));
  }

  /**
   * Every credential that could advance the goal: those teaching an unmet target (the coverage pass found them),
   * and for a pathway those that are, stack into, or teach an open requirement. The rest of the catalog is never
   * touched. Called with open requirements only (without, the touched credentials are all).
   */
  private static BitSet reachable(CatalogSnapshot snapshot, GoalCoverage coverage, List<OpenLeaf> openLeaves) {
    BitSet reach = new BitSet(snapshot.credentials().size());
    for (int c = coverage.nextTouched(0); c >= 0; c = coverage.nextTouched(c + 1)) {
      reach.set(c);
    }
    for (OpenLeaf leaf : openLeaves) {
      if (leaf.credentialLeaf()) {
        reach.set(leaf.target());
        snapshot.stackedFrom(leaf.target()).stream().forEach(reach::set);
      } else {
        snapshot.taughtBy(leaf.target()).stream().forEach(reach::set);
      }
    }
    return reach;
  }
}
