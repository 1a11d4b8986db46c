package io.cairn.rank;

/**
 * A {@link Scorer} that scores a candidate from its terms alone, without a {@link Candidate} object: the
 * recommender then builds objects only for the candidates that make the pool. Its scores must equal
 * {@link Scorer#score} on the same candidate, to the bit.
 */
interface TermScorer {

  /**
   * The candidate's score.
   *
   * @param coverage the summed weight of the unmet targets it teaches
   * @param requirements {@link TransparentScorer.Weights#requirementProgress} of the open requirements it advances
   * @param oneStepAway true when a prerequisite stands between the learner and it
   */
  double score(int credential, double coverage, double requirements, double totalCost, double totalHours,
      boolean oneStepAway, ScoringContext context);

  /**
   * A cheap number the score never exceeds, so that a candidate whose bound cannot enter the pool is not scored;
   * the score itself by default.
   */
  default double upperBound(int credential, double coverage, double requirements, double totalCost,
      double totalHours, boolean oneStepAway, ScoringContext context) {
    return score(credential, coverage, requirements, totalCost, totalHours, oneStepAway, context);
  }

  /**
   * A cheap number the score is never below, so that the pool's entry threshold can be set before anything is
   * scored (see {@link PoolThreshold}); the score itself by default.
   */
  default double lowerBound(int credential, double coverage, double requirements, double totalCost,
      double totalHours, boolean oneStepAway, ScoringContext context) {
    return score(credential, coverage, requirements, totalCost, totalHours, oneStepAway, context);
  }

  /**
   * Bounds that read two floats per credential, for candidates whose only request-dependent term is their coverage
   * (no prerequisite first, no open requirement advanced); null when the scorer has none, and then every candidate
   * is bounded through {@link #lowerBound} and {@link #upperBound}.
   */
  default StaticBounds staticBounds(io.cairn.catalog.CatalogSnapshot snapshot) {
    return null;
  }
}
