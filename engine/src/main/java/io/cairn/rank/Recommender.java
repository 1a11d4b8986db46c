package io.cairn.rank;

import io.cairn.audit.Auditor;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.learner.Goal;
import io.cairn.learner.ResolvedLearner;

/**
 * Suggests the next credentials toward a goal. Implementations are thread-safe and keep no per-request state.
 */
public interface Recommender {

  /**
   * The best {@code request.k()} credentials for the learner, sorted by score, or an empty list with a reason.
   *
   * @throws io.cairn.learner.UnknownReferenceException when the request names ids the catalog lacks
   */
  RecommendationList recommend(CatalogSnapshot snapshot, RecommendationRequest request);

  /**
   * The goal turned into weighted targets for {@code learner} (and, for a pathway, its audit), as {@link
   * #recommend} sees it: what a planner needs to plan more than one step.
   *
   * @throws io.cairn.learner.UnknownReferenceException when the goal names ids the catalog lacks
   * @throws ModelRequiredException for a goal-free goal without a skill-value model
   */
  GoalTargets targets(CatalogSnapshot snapshot, Goal goal, ResolvedLearner learner);

  static Builder builder() {
    return new Builder();
  }

  /** Assembles a recommender; each setting is checked when set. */
  final class Builder {
    private Scorer scorer = new TransparentScorer();
    private double diversity = 0.3;
    private Auditor auditor = Auditor.standard();
    private SkillValueSource values;

    private Builder() {}

    public Builder scorer(Scorer scorer) {
      this.scorer = java.util.Objects.requireNonNull(scorer, "scorer");
      return this;
    }

    /**
     * Ranks with a learned skill-value model: scores with a {@link SkillValueScorer} over {@code values} and
     * answers goal-free questions ({@link io.cairn.learner.Goal.FieldGoal}) with the model's next skills.
     */
    public Builder skillValues(SkillValueSource values) {
      this.values = java.util.Objects.requireNonNull(values, "values");
      this.scorer = new SkillValueScorer(values);
      return this;
    }

    /** How strongly near-duplicates are pushed down: 0 turns diversity off, 1 is the strongest. */
    public Builder diversity(double diversity) {
      if (!(diversity >= 0 && diversity <= 1)) {
        throw new IllegalArgumentException("diversity must be between 0 and 1, got " + diversity);
      }
      this.diversity = diversity;
      return this;
    }

    public Builder auditor(Auditor auditor) {
      this.auditor = java.util.Objects.requireNonNull(auditor, "auditor");
      return this;
    }

    public Recommender build() {
      return new ScoringRecommender(scorer, new TargetResolver(auditor, values), new CandidateGenerator(),
          diversity == 0 ? Reranker.none() : new DiversityReranker(diversity));
    }
  }
}
