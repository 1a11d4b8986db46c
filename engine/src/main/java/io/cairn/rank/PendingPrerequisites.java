package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.CredentialFacts;
import io.cairn.catalog.IntSet;
import io.cairn.learner.ResolvedLearner;
import java.util.Arrays;
import java.util.List;

/**
 * A request's touched credentials that have prerequisites, considered in stages over the whole batch: first every
 * credential's facts record, then the prerequisites it lacks, then the record of the one it lacks, then the
 * decision. Each stage is a loop whose iterations do not wait on each other, so the processor keeps many of their
 * cache misses in flight (the first stage also reads the credential's own constraint facts, in the same line; the
 * third, for a credential not too far, its coverage weight and the missing one's cost and hours); considered one at
 * a time, each credential's three dependent misses (its record, its prerequisites, the missing one's record) were a
 * third of a request on a catalog of a million. The decision is the
 * one {@link CandidateGenerator} takes for a single credential: left out when its prerequisites are too far,
 * counted under the constraint it breaks, or eligible.
 *
 * <p>Scratch reused across requests ({@link #clear}); one is used by one request at a time.
 */
final class PendingPrerequisites {
  private int size;
  private int[] credential = new int[64];
  private long[] range = new long[64];
  private double[] cost = new double[64];
  private double[] hours = new double[64];
  private int[] own = new int[64];
  private int[] missing = new int[64];
  private int[] lastMissing = new int[64];
  private long[] missingRange = new long[64];
  private double[] missingCost = new double[64];
  private double[] missingHours = new double[64];
  private double[] weight = new double[64];
  private Object[] steps = new Object[64];

  /** Adds a credential with prerequisites, with the open requirements it advances ({@code steps}, may be empty). */
  void add(int c, List<RequirementStep> requirementSteps) {
    if (size == credential.length) {
      int n = 2 * size;
      credential = Arrays.copyOf(credential, n);
      steps = Arrays.copyOf(steps, n);
      range = new long[n];
      cost = new double[n];
      hours = new double[n];
      own = new int[n];
      missing = new int[n];
      lastMissing = new int[n];
      missingRange = new long[n];
      missingCost = new double[n];
      missingHours = new double[n];
      weight = new double[n];
    }
    steps[size] = requirementSteps.isEmpty() ? null : requirementSteps;
    credential[size++] = c;
  }

  /** Forgets every pending credential, dropping the steps it held. */
  void clear() {
    Arrays.fill(steps, 0, size, null);
    size = 0;
  }

  /**
   * Considers every pending credential: too far, counted under the constraint it breaks, or added to
   * {@code eligible}; then clears.
   */
  void consider(CatalogSnapshot snapshot, ResolvedLearner learner, GoalCoverage coverage, ConstraintCheck check,
      EligibleCandidates eligible, Exclusions exclusions) {
    CredentialFacts facts = snapshot.facts();
    for (int i = 0; i < size; i++) {
      // one cache line: the record holds all of these
      int c = credential[i];
      range[i] = facts.prerequisiteRange(c);
      cost[i] = facts.cost(c);
      hours[i] = facts.hours(c);
      own[i] = check.fits(c);
    }
    for (int i = 0; i < size; i++) {
      int count = 0;
      int last = 0;
      for (int at = (int) range[i], end = (int) (range[i] >>> 32); at < end; at++) {
        int p = facts.prerequisite(at);
        if (!Prerequisites.holds(learner, p)) {
          count++;
          last = p;
        }
      }
      missing[i] = count;
      lastMissing[i] = last;
    }
    for (int i = 0; i < size; i++) {
      // the one missing credential's record: its prerequisites say whether it can be taken now, and its cost and
      // hours count toward the candidate's (read here with the range, not when deciding, where the line is cold);
      // the weight only of a credential that may still be eligible
      weight[i] = missing[i] <= 1 ? coverage.weight(credential[i]) : 0;
      boolean missingOneCredential = missing[i] == 1 && lastMissing[i] >= 0;
      missingRange[i] = missingOneCredential ? facts.prerequisiteRange(lastMissing[i]) : 0;
      missingCost[i] = missingOneCredential ? facts.cost(lastMissing[i]) : 0;
      missingHours[i] = missingOneCredential ? facts.hours(lastMissing[i]) : 0;
    }
    for (int i = 0; i < size; i++) {
      decide(snapshot, learner, i, check, eligible, exclusions);
    }
    clear();
  }

  @SuppressWarnings("unchecked")
  private void decide(CatalogSnapshot snapshot, ResolvedLearner learner, int i, ConstraintCheck check,
      EligibleCandidates eligible, Exclusions exclusions) {
    CredentialFacts facts = snapshot.facts();
    int c = credential[i];
    int last = lastMissing[i];
    boolean oneStep = missing[i] == 1 && (last >= 0
        ? Prerequisites.takeableNow(facts, learner, missingRange[i])
        : Prerequisites.reachableInOneStep(snapshot, learner, last));
    if (missing[i] > 1 || (missing[i] == 1 && !oneStep)) {
      exclusions.prerequisitesTooFar();
      return;
    }
    IntSet missingCredentials = IntSet.empty();
    IntSet missingCompetencies = IntSet.empty();
    double totalCost = cost[i];
    double totalHours = hours[i];
    if (missing[i] == 1 && last >= 0) {
      missingCredentials = IntSet.of(last);
      totalCost += missingCost[i];
      totalHours += missingHours[i];
    } else if (missing[i] == 1) {
      missingCompetencies = IntSet.of(CredentialFacts.requiredCompetency(last));
    }
    int violation = check.violationGiven(own[i], missingCredentials, totalCost, totalHours);
    if (violation != ConstraintCheck.FITS) {
      exclusions.add(violation);
      return;
    }
    eligible.add(c, weight[i], steps[i] == null ? List.of() : (List<RequirementStep>) steps[i],
        missingCredentials, missingCompetencies, totalCost, totalHours);
  }
}
