package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.CredentialFacts;
import io.cairn.catalog.IntSet;

/**
 * A hand-weighted scorer whose every term can be read off the explanation: the demand-weighted value of the
 * targets a credential newly covers, plus progress on open requirements and on stacks toward the goal, minus
 * cost and time; a credential one prerequisite away is discounted.
 */
public final class TransparentScorer implements Scorer, TermScorer {
  private final Weights weights;
  // the static bounds of the last snapshot asked for: a catalog's snapshot changes only with a load
  private volatile StaticBounds bounds;

  /**
   * The scorer's knobs.
   *
   * @param coverage per unit of target weight newly covered
   * @param requirement per open requirement advanced directly (half for progress through stacking)
   * @param stacking per larger credential it stacks into, times the share of that credential's skills the goal wants
   * @param costPer1000 subtracted per 1000 of cost
   * @param hoursPer100 subtracted per 100 hours of study
   * @param oneStepFactor multiplies the score of a credential one prerequisite away, in (0, 1]
   */
  public record Weights(double coverage, double requirement, double stacking, double costPer1000,
      double hoursPer100, double oneStepFactor) {
    public Weights {
      check(coverage, "coverage");
      check(requirement, "requirement");
      check(stacking, "stacking");
      check(costPer1000, "costPer1000");
      check(hoursPer100, "hoursPer100");
      if (!(oneStepFactor > 0 && oneStepFactor <= 1)) {
        throw new IllegalArgumentException("oneStepFactor must be in (0, 1], got " + oneStepFactor);
      }
    }

    /**
     * {@code gain} plus progress on open requirements, minus cost and time, and discounted when a prerequisite
     * stands first: the terms every scorer shares, whatever it counts as the gain.
     */
    public double net(double gain, Candidate candidate) {
      return net(gain, requirementProgress(candidate.steps()), candidate.totalCost(), candidate.totalHours(),
          candidate.oneStepAway());
    }

    /**
     * {@link #net(double, Candidate)} from a candidate's terms alone, for candidates not built as objects:
     * {@code requirements} is {@link #requirementProgress} of its steps.
     */
    public double net(double gain, double requirements, double totalCost, double totalHours, boolean oneStepAway) {
      double score = gain
          + requirement * requirements
          - costPer1000 * totalCost / 1000.0
          - hoursPer100 * totalHours / 100.0;
      return oneStepAway ? score * (score > 0 ? oneStepFactor : 1 / oneStepFactor) : score;
    }

    /** The open requirements {@code steps} advance: 1 for each fulfilled directly, 0.5 for each by stacking. */
    public static double requirementProgress(java.util.List<RequirementStep> steps) {
      double requirements = 0;
      for (RequirementStep step : steps) {
        requirements += step.direct() ? 1.0 : 0.5;
      }
      return requirements;
    }

    public static Weights defaults() {
      return new Weights(1.0, 1.5, 0.5, 0.5, 0.3, 0.75);
    }

    private static void check(double w, String name) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(name + " weight must be a finite number >= 0, got " + w);
      }
    }
  }

  public TransparentScorer(Weights weights) {
    this.weights = weights;
  }

  public TransparentScorer() {
    this(Weights.defaults());
  }

  public Weights weights() {
    return weights;
  }

  @Override
  public double score(Candidate candidate, ScoringContext context) {
    return score(candidate.credential(), candidate.coverage(), Weights.requirementProgress(candidate.steps()),
        candidate.totalCost(), candidate.totalHours(), candidate.oneStepAway(), context);
  }

  @Override
  public double score(int credential, double coverage, double requirements, double totalCost, double totalHours,
      boolean oneStepAway, ScoringContext context) {
    return weights.net(weights.coverage() * coverage + weights.stacking() * stacking(credential, context),
        requirements, totalCost, totalHours, oneStepAway);
  }

  /**
   * At least the score: the stacking term counted as if the goal wanted every skill of every larger credential
   * (each share is at most 1), and the score grows with its gain, so nothing it bounds can beat it.
   */
  @Override
  public double upperBound(int credential, double coverage, double requirements, double totalCost,
      double totalHours, boolean oneStepAway, ScoringContext context) {
    int wholes = context.snapshot().facts().stacksIntoCount(credential);
    return weights.net(weights.coverage() * coverage + weights.stacking() * wholes, requirements, totalCost,
        totalHours, oneStepAway);
  }

  /**
   * At most the score: the stacking term left out (each share is at least 0), and the score grows with its gain.
   */
  @Override
  public double lowerBound(int credential, double coverage, double requirements, double totalCost,
      double totalHours, boolean oneStepAway, ScoringContext context) {
    return weights.net(weights.coverage() * coverage, requirements, totalCost, totalHours, oneStepAway);
  }

  /**
   * Without a prerequisite or a requirement step the score is {@code coverage * coverage weight} plus the stacking
   * term (at most the stacking weight times the larger credentials it stacks into) minus cost and time.
   */
  @Override
  public StaticBounds staticBounds(CatalogSnapshot snapshot) {
    StaticBounds known = bounds;
    if (known != null && known.snapshot() == snapshot) {
      return known;
    }
    CredentialFacts facts = snapshot.facts();
    int n = snapshot.credentials().size();
    double[] extra = new double[n];
    double[] penalty = new double[n];
    for (int c = 0; c < n; c++) {
      extra[c] = weights.stacking() * facts.stacksIntoCount(c);
      penalty[c] = weights.costPer1000() * facts.cost(c) / 1000.0 + weights.hoursPer100() * facts.hours(c) / 100.0;
    }
    StaticBounds built = StaticBounds.of(snapshot, weights.coverage(), extra, penalty);
    bounds = built;
    return built;
  }

  /** The summed share of the goal in each larger credential it stacks into that the learner does not hold. */
  private static double stacking(int credential, ScoringContext context) {
    CatalogSnapshot snapshot = context.snapshot();
    double stacking = 0;
    if (snapshot.facts().stacks(credential)) {
      IntSet wholes = snapshot.stacksIntoClosure(credential);
      for (int i = 0; i < wholes.size(); i++) {
        int whole = wholes.get(i);
        if (!context.learner().credentials().contains(whole)) {
          stacking += context.coverage().share(whole);
        }
      }
    }
    return stacking;
  }

  @Override
  public String name() {
    return "transparent";
  }
}
