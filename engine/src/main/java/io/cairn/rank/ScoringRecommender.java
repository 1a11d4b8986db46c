package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.learner.Goal;
import io.cairn.learner.ResolvedLearner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Map;
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
  // coverage arrays as large as the catalog, reused across requests rather than allocated for each
  private final Queue<GoalCoverage> scratch = new ConcurrentLinkedQueue<>();

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
    GoalCoverage coverage = scratch.poll();
    coverage = (coverage == null ? new GoalCoverage() : coverage).fill(snapshot, goal);
    try {
      return recommend(snapshot, request, learner, goal, coverage);
    } finally {
      coverage.reset();
      scratch.offer(coverage);
    }
  }

  @Override
  public GoalTargets targets(CatalogSnapshot snapshot, Goal goal, ResolvedLearner learner) {
    return targets.resolve(snapshot, goal, learner);
  }

  private RecommendationList recommend(CatalogSnapshot snapshot, RecommendationRequest request,
      ResolvedLearner learner, GoalTargets goal, GoalCoverage coverage) {
    ConstraintCheck check = new ConstraintCheck(snapshot, request.constraints());
    CandidateGenerator.Result generated = generator.generate(snapshot, goal, learner, coverage, check);
    ScoringContext context = new ScoringContext(snapshot, goal, learner, request.constraints(), coverage);
    Scorer scorer = this.scorer.forRequest(context);
    // a bounded heap, worst on top: only the pool the re-ranker chooses from is ever kept or sorted
    int pool = reranker.poolSize(request.k());
    PriorityQueue<Ranked> best = new PriorityQueue<>(pool + 1, (a, b) -> Ranked.bestFirst(b, a));
    for (Candidate candidate : generated.eligible()) {
      double score = scorer.score(candidate, context);
      Ranked ranked = new Ranked(candidate, score, score);
      if (best.size() < pool) {
        best.add(ranked);
      } else if (Ranked.bestFirst(ranked, best.peek()) < 0) {
        best.poll();
        best.add(ranked);
      }
    }
    List<Ranked> ranked = new ArrayList<>(best);
    ranked.sort(Ranked::bestFirst);
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
}
