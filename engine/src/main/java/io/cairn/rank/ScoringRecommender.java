package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.learner.Goal;
import io.cairn.learner.ResolvedLearner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Resolves the goal, generates candidates, drops those that break a constraint, scores the rest keeping only the
 * best few the re-ranker chooses from, and explains the chosen ones.
 */
final class ScoringRecommender implements Recommender {
  private final Scorer scorer;
  private final TargetResolver targets;
  private final CandidateGenerator generator;
  private final Reranker reranker;
  // coverage arrays as large as the catalog, and the eligible candidates' arrays, reused across requests rather
  // than allocated for each
  private final Queue<Scratch> scratch = new ConcurrentLinkedQueue<>();

  /** One request's scratch space. */
  private record Scratch(GoalCoverage coverage, EligibleCandidates eligible) {}

  ScoringRecommender(Scorer scorer, TargetResolver targets, CandidateGenerator generator, Reranker reranker) {
    this.scorer = scorer;
    this.targets = targets;
    this.generator = generator;
    this.reranker = reranker;
  }

  @Override
  public RecommendationList recommend(CatalogSnapshot snapshot, RecommendationRequest request) {
    ResolvedLearner learner = ResolvedLearner.resolve(snapshot, request.learner());
    GoalTargets goal = targets.resolve(snapshot, request.goal(), learner);
    Scratch space = scratch.poll();
    if (space == null) {
      space = new Scratch(new GoalCoverage(), new EligibleCandidates());
    }
    GoalCoverage coverage = space.coverage().fill(snapshot, goal);
    try {
      return recommend(snapshot, request, learner, goal, coverage, space.eligible());
    } finally {
      coverage.reset();
      space.eligible().clear();
      scratch.offer(space);
    }
  }

  @Override
  public GoalTargets targets(CatalogSnapshot snapshot, Goal goal, ResolvedLearner learner) {
    return targets.resolve(snapshot, goal, learner);
  }

  private RecommendationList recommend(CatalogSnapshot snapshot, RecommendationRequest request,
      ResolvedLearner learner, GoalTargets goal, GoalCoverage coverage, EligibleCandidates eligible) {
    ConstraintCheck check = new ConstraintCheck(snapshot, request.constraints());
    ScoringContext context = new ScoringContext(snapshot, goal, learner, request.constraints(), coverage);
    Scorer scorer = this.scorer.forRequest(context);
    StaticBounds bounds = scorer instanceof TermScorer terms ? terms.staticBounds(snapshot) : null;
    CandidateGenerator.Result generated = generator.generate(snapshot, goal, learner, coverage, check, eligible,
        bounds != null);
    // only the pool the re-ranker chooses from is kept or sorted, and only its candidates become objects
    ScorePool best = new ScorePool(reranker.poolSize(request.k()));
    if (scorer instanceof TermScorer terms) {
      scoreByTerms(terms, bounds, eligible, context, best);
    } else {
      for (int i = 0; i < eligible.size(); i++) {
        best.offer(i, eligible.credential(i), scorer.score(eligible.candidate(i, snapshot, coverage, goal.unmet()),
            context));
      }
    }
    best.sortBestFirst();
    List<Ranked> ranked = new ArrayList<>(best.size());
    for (int i = 0; i < best.size(); i++) {
      double score = best.score(i);
      ranked.add(new Ranked(eligible.candidate(best.position(i), snapshot, coverage, goal.unmet()), score, score));
    }
    List<Ranked> picked = reranker.select(snapshot, ranked, request.k());
    List<Recommendation> items = new ArrayList<>(picked.size());
    for (Ranked r : picked) {
      items.add(new Recommendation(r.candidate().credential(), items.size() + 1, r.score(), r.relevance(),
          Explainer.explain(snapshot, learner, goal, r.candidate(), scorer.counted(r.candidate(), context))));
    }
    Map<String, Integer> excluded = generated.exclusions().toMap();
    Optional<String> reason = items.size() >= request.k()
        ? Optional.empty()
        : Optional.of(ShortListReason.of(snapshot, goal, generated, excluded, request));
    return new RecommendationList(goal, items, reason, generated.candidates(), excluded, scorer.name(),
        snapshot.version(), learner.holdings());
  }

  /**
   * Scores from the candidates' terms, no object per candidate. When there are more candidates than the pool holds,
   * the pool's entry threshold comes first from the scorer's lower bounds ({@link PoolThreshold}), and a candidate
   * whose upper bound is below it, or cannot enter the pool as it stands, is not scored at all; a plain candidate
   * ({@link EligibleCandidates#addPlain}) is bounded by {@code bounds} and its facts are read only when it is scored.
   */
  private static void scoreByTerms(TermScorer terms, StaticBounds bounds, EligibleCandidates eligible,
      ScoringContext context, ScorePool best) {
    int n = eligible.size();
    int plain = eligible.plainSize();
    boolean bounded = n + plain > best.capacity();
    double threshold = Double.NEGATIVE_INFINITY;
    if (bounded) {
      double[] lower = eligible.bounds(n + plain);
      for (int i = 0; i < n; i++) {
        int c = eligible.credential(i);
        lower[i] = terms.lowerBound(c, eligible.coverage(i), eligible.requirementProgress(i), eligible.totalCost(i),
            eligible.totalHours(i), eligible.oneStepAway(i), context);
      }
      for (int i = 0; i < plain; i++) {
        // both bounds at once: the credential's two floats share a cache line, read once
        int c = eligible.plainCredential(i);
        lower[n + i] = bounds.lower(c, eligible.plainCoverage(i));
        eligible.plainUpper(i, bounds.upper(c, eligible.plainCoverage(i)));
      }
      threshold = PoolThreshold.kthLargest(lower, n + plain, best.capacity());
    }
    for (int i = 0; i < n; i++) {
      int c = eligible.credential(i);
      double weight = eligible.coverage(i);
      double requirements = eligible.requirementProgress(i);
      double cost = eligible.totalCost(i);
      double hours = eligible.totalHours(i);
      boolean oneStep = eligible.oneStepAway(i);
      if (bounded) {
        double upper = terms.upperBound(c, weight, requirements, cost, hours, oneStep, context);
        if (Double.compare(upper, threshold) < 0 || (best.size() == best.capacity() && !best.admits(upper, c))) {
          continue;
        }
      }
      best.offer(i, c, terms.score(c, weight, requirements, cost, hours, oneStep, context));
    }
    for (int i = 0; i < plain; i++) {
      int c = eligible.plainCredential(i);
      if (bounded) {
        double upper = eligible.plainUpper(i);
        if (Double.compare(upper, threshold) < 0 || (best.size() == best.capacity() && !best.admits(upper, c))) {
          continue;
        }
      }
      int at = eligible.promote(i, context.snapshot().facts());
      best.offer(at, c, terms.score(c, eligible.coverage(at), 0, eligible.totalCost(at), eligible.totalHours(at),
          false, context));
    }
  }
}
