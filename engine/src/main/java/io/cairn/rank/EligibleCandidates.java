package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.CredentialFacts;
import io.cairn.catalog.IntSet;
import java.util.Arrays;
import java.util.List;

/**
 * The candidates that fit a request's constraints, kept as parallel arrays rather than one {@link Candidate} each:
 * most of them never make the pool the re-ranker chooses from, so a {@code Candidate} is built only for those that
 * do ({@link #candidate}). The few object-valued terms (requirement steps, missing prerequisites) are kept only
 * where they are not empty.
 *
 * <p>Scratch space reused across requests ({@link #clear}); one is used by one request at a time.
 */
final class EligibleCandidates {
  private int size;
  private int[] credential = new int[64];
  private double[] coverage = new double[64];
  private double[] requirementProgress = new double[64];
  private double[] totalCost = new double[64];
  private double[] totalHours = new double[64];
  private boolean[] oneStepAway = new boolean[64];
  private Object[] steps = new Object[64];
  private IntSet[] missingCredentials = new IntSet[64];
  private IntSet[] missingCompetencies = new IntSet[64];
  private double[] bounds = new double[64];
  // candidates that fit and whose only request-dependent term is their coverage, facts not read yet (see addPlain)
  private int plainSize;
  private int[] plainCredential = new int[64];
  private double[] plainCoverage = new double[64];
  private double[] plainUpper = new double[64];
  private final PendingPrerequisites pending = new PendingPrerequisites();

  /** Adds one eligible candidate; {@code steps} and the missing sets may be empty, never null. */
  void add(int c, double coverageWeight, List<RequirementStep> requirementSteps, IntSet missingCreds,
      IntSet missingComps, double cost, double hours) {
    if (size == credential.length) {
      grow();
    }
    credential[size] = c;
    coverage[size] = coverageWeight;
    requirementProgress[size] = TransparentScorer.Weights.requirementProgress(requirementSteps);
    totalCost[size] = cost;
    totalHours[size] = hours;
    oneStepAway[size] = missingCreds.size() + missingComps.size() > 0;
    steps[size] = requirementSteps.isEmpty() ? null : requirementSteps;
    missingCredentials[size] = missingCreds.isEmpty() ? null : missingCreds;
    missingCompetencies[size] = missingComps.isEmpty() ? null : missingComps;
    size++;
  }

  /**
   * Adds a candidate known to fit whose only request-dependent term is its coverage (no prerequisite stands first,
   * no open requirement is advanced): its facts are read, and it becomes one of the {@link #size} eligible ones,
   * only when it is {@link #promote}d.
   */
  void addPlain(int c, double coverageWeight) {
    if (plainSize == plainCredential.length) {
      plainCredential = Arrays.copyOf(plainCredential, 2 * plainSize);
      plainCoverage = Arrays.copyOf(plainCoverage, 2 * plainSize);
      plainUpper = new double[2 * plainSize];
    }
    plainCredential[plainSize] = c;
    plainCoverage[plainSize] = coverageWeight;
    plainSize++;
  }

  int plainSize() {
    return plainSize;
  }

  int plainCredential(int i) {
    return plainCredential[i];
  }

  double plainCoverage(int i) {
    return plainCoverage[i];
  }

  /** Scratch for the {@code i}-th plain candidate's upper bound, set while its lower bound is read. */
  void plainUpper(int i, double upper) {
    plainUpper[i] = upper;
  }

  double plainUpper(int i) {
    return plainUpper[i];
  }

  /** Adds the {@code i}-th plain candidate as an eligible one, its cost and hours read; returns its position. */
  int promote(int i, CredentialFacts facts) {
    int c = plainCredential[i];
    add(c, plainCoverage[i], List.of(), IntSet.empty(), IntSet.empty(), facts.cost(c), facts.hours(c));
    return size - 1;
  }

  /** Scratch for the credentials with prerequisites a request considers in stages. */
  PendingPrerequisites pending() {
    return pending;
  }

  /** Forgets every candidate, dropping the references it held. */
  void clear() {
    pending.clear();
    Arrays.fill(steps, 0, size, null);
    Arrays.fill(missingCredentials, 0, size, null);
    Arrays.fill(missingCompetencies, 0, size, null);
    size = 0;
    plainSize = 0;
  }

  int size() {
    return size;
  }

  int credential(int i) {
    return credential[i];
  }

  /** The summed weight of the unmet targets it teaches (copied here: read in order, not from the whole catalog). */
  double coverage(int i) {
    return coverage[i];
  }

  /** Open requirements advanced: 1 for each it fulfils directly, 0.5 for each it progresses by stacking. */
  double requirementProgress(int i) {
    return requirementProgress[i];
  }

  double totalCost(int i) {
    return totalCost[i];
  }

  double totalHours(int i) {
    return totalHours[i];
  }

  boolean oneStepAway(int i) {
    return oneStepAway[i];
  }

  /** The {@code i}-th candidate as a {@link Candidate}, built on this call. */
  @SuppressWarnings("unchecked")
  Candidate candidate(int i, CatalogSnapshot snapshot, GoalCoverage coverage, IntSet unmet) {
    int c = credential[i];
    return new Candidate(c, snapshot, unmet, coverage.count(c), coverage.weight(c),
        steps[i] == null ? List.of() : (List<RequirementStep>) steps[i],
        orEmpty(missingCredentials[i]), orEmpty(missingCompetencies[i]), totalCost[i], totalHours[i]);
  }

  /** Scratch for at least {@code n} numbers (the scorer's lower bounds). */
  double[] bounds(int n) {
    if (bounds.length < n) {
      bounds = new double[Math.max(n, 2 * bounds.length)];
    }
    return bounds;
  }

  private static IntSet orEmpty(IntSet set) {
    return set == null ? IntSet.empty() : set;
  }

  private void grow() {
    int n = credential.length * 2;
    credential = Arrays.copyOf(credential, n);
    coverage = Arrays.copyOf(coverage, n);
    requirementProgress = Arrays.copyOf(requirementProgress, n);
    totalCost = Arrays.copyOf(totalCost, n);
    totalHours = Arrays.copyOf(totalHours, n);
    oneStepAway = Arrays.copyOf(oneStepAway, n);
    steps = Arrays.copyOf(steps, n);
    missingCredentials = Arrays.copyOf(missingCredentials, n);
    missingCompetencies = Arrays.copyOf(missingCompetencies, n);
  }
}
