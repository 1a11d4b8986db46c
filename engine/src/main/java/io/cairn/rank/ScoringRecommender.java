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
  private final int splitAt;
  // coverage arrays as large as the catalog, and the eligible candidates' arrays, reused across requests rather
  // than allocated for each
  private final Queue<Scratch> scratch = new ConcurrentLinkedQueue<>();

  /** One request's scratch space; {@code second} holds the second half of a request split in two. */
  private record Scratch(GoalCoverage coverage, EligibleCandidates eligible, EligibleCandidates second) {}

  /** What generating and scoring left: the counts, and the pool the re-ranker chooses from, best first. */
  private record Shortlist(CandidateGenerator.Result generated, List<Ranked> pool) {}

  ScoringRecommender(Scorer scorer, TargetResolver targets, CandidateGenerator generator, Reranker reranker) {
    this(scorer, targets, generator, reranker, RequestHalves.splitAt());
  }

  /** With the number of touched credentials from which a request is split in two ({@link RequestHalves}). */
  ScoringRecommender(Scorer scorer, TargetResolver targets, CandidateGenerator generator, Reranker reranker,
      int splitAt) {
    this.splitAt = splitAt;
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
      space = new Scratch(new GoalCoverage(), new EligibleCandidates(), new EligibleCandidates());
    }
    GoalCoverage coverage = GoalCoverage.postings(snapshot, goal) >= splitAt
        ? fillInHalves(space.coverage(), snapshot, goal)
        : space.coverage().fill(snapshot, goal);
    // where a large request divides its touched credentials in two halves, or -1 for one done in one pass
    int middle = coverage.touchedCount() >= splitAt ? RequestHalves.middleWord(coverage) : -1;
    try {
      return recommend(snapshot, request, learner, goal, coverage, space, middle);
    } finally {
      clear(coverage, middle);
      space.eligible().clear();
      space.second().clear();
      scratch.offer(space);
    }
  }

  /** Clears the coverage a request filled, in the halves it was split into when it was. */
  private static void clear(GoalCoverage coverage, int middle) {
    if (middle < 0) {
      coverage.reset();
      return;
    }
    RequestHalves.both(() -> {
      coverage.resetWords(coverage.firstWord(), middle);
      return null;
    }, () -> {
      coverage.resetWords(middle + 1, coverage.lastWord());
      return null;
    });
    coverage.forget();
  }

  /**
   * A large request's coverage filled in two halves of the catalog, split at a word so they share none, the second
   * on a helper thread when one is free.
   */
  private static GoalCoverage fillInHalves(GoalCoverage coverage, CatalogSnapshot snapshot, GoalTargets goal) {
    coverage.prepare(snapshot);
    int n = snapshot.credentials().size();
    int middle = (n / 2) & ~63;
    RequestHalves.Pair<GoalCoverage.Span> spans = RequestHalves.both(() -> coverage.fillRange(goal, 0, middle),
        () -> coverage.fillRange(goal, middle, n));
    return coverage.adopt(spans.first(), spans.second());
  }

  @Override
  public GoalTargets targets(CatalogSnapshot snapshot, Goal goal, ResolvedLearner learner) {
    return targets.resolve(snapshot, goal, learner);
  }

  private RecommendationList recommend(CatalogSnapshot snapshot, RecommendationRequest request,
      ResolvedLearner learner, GoalTargets goal, GoalCoverage coverage, Scratch space, int middle) {
    ConstraintCheck check = new ConstraintCheck(snapshot, request.constraints());
    ScoringContext context = new ScoringContext(snapshot, goal, learner, request.constraints(), coverage);
    Scorer scorer = this.scorer.forRequest(context);
    StaticBounds bounds = scorer instanceof TermScorer terms ? terms.staticBounds(snapshot) : null;
    int poolSize = reranker.poolSize(request.k());
    Shortlist shortlist = bounds != null && middle >= 0 && CandidateGenerator.countsByWords(goal)
        ? inHalves((TermScorer) scorer, bounds, check, context, space, middle, poolSize)
        : inOnePass(scorer, bounds, check, context, space.eligible(), poolSize);
    CandidateGenerator.Result generated = shortlist.generated();
    List<Ranked> ranked = shortlist.pool();
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

  /** Generates and scores on this thread; only the pool the re-ranker chooses from is kept, as objects. */
  private Shortlist inOnePass(Scorer scorer, StaticBounds bounds, ConstraintCheck check, ScoringContext context,
      EligibleCandidates eligible, int poolSize) {
    CatalogSnapshot snapshot = context.snapshot();
    GoalTargets goal = context.goal();
    GoalCoverage coverage = context.coverage();
    CandidateGenerator.Result generated = generator.generate(snapshot, goal, context.learner(), coverage, check,
        eligible, bounds != null);
    ScorePool best = new ScorePool(poolSize);
    if (scorer instanceof TermScorer terms) {
      scoreByTerms(terms, bounds, eligible, context, best);
    } else {
      for (int i = 0; i < eligible.size(); i++) {
        best.offer(i, eligible.credential(i), scorer.score(eligible.candidate(i, snapshot, coverage, goal.unmet()),
            context));
      }
    }
    return new Shortlist(generated, pooled(best, eligible, context));
  }

  /**
   * A large request in two halves of the touched credentials, split after word {@code middle}, the second on a
   * helper thread when one is free ({@link RequestHalves}): each generates and scores into a pool of its own, and
   * the two pools merge into the one a single pass keeps.
   */
  private Shortlist inHalves(TermScorer terms, StaticBounds bounds, ConstraintCheck check, ScoringContext context,
      Scratch space, int middle, int poolSize) {
    GoalCoverage coverage = context.coverage();
    check.prepareWords();
    RequestHalves.Pair<Shortlist> halves = RequestHalves.both(
        () -> half(terms, bounds, check, context, space.eligible(), coverage.firstWord(), middle, poolSize),
        () -> half(terms, bounds, check, context, space.second(), middle + 1, coverage.lastWord(), poolSize));
    CandidateGenerator.Result a = halves.first().generated();
    CandidateGenerator.Result b = halves.second().generated();
    a.exclusions().addAll(b.exclusions());
    CandidateGenerator.Result generated = new CandidateGenerator.Result(a.eligible() + b.eligible(),
        a.candidates() + b.candidates(), a.advancing() + b.advancing(), a.exclusions());
    List<Ranked> merged = new ArrayList<>(halves.first().pool());
    merged.addAll(halves.second().pool());
    merged.sort(Ranked::bestFirst);
    return new Shortlist(generated, List.copyOf(merged.subList(0, Math.min(poolSize, merged.size()))));
  }

  private Shortlist half(TermScorer terms, StaticBounds bounds, ConstraintCheck check, ScoringContext context,
      EligibleCandidates eligible, int fromWord, int toWord, int poolSize) {
    CandidateGenerator.Result generated = generator.byWords(context.snapshot(), context.learner(),
        context.coverage(), check, eligible, fromWord, toWord);
    ScorePool best = new ScorePool(poolSize);
    scoreByTerms(terms, bounds, eligible, context, best);
    return new Shortlist(generated, pooled(best, eligible, context));
  }

  /** The pool's candidates as objects, best first. */
  private static List<Ranked> pooled(ScorePool best, EligibleCandidates eligible, ScoringContext context) {
    best.sortBestFirst();
    List<Ranked> ranked = new ArrayList<>(best.size());
    for (int i = 0; i < best.size(); i++) {
      double score = best.score(i);
      ranked.add(new Ranked(eligible.candidate(best.position(i), context.snapshot(), context.coverage(),
          context.goal().unmet()), score, score));
    }
    return ranked;
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
