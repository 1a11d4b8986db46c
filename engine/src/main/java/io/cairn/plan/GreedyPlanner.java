package io.cairn.plan;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.learner.Constraints;
import io.cairn.learner.Learner;
import io.cairn.rank.Recommendation;
import io.cairn.rank.RecommendationList;
import io.cairn.rank.RecommendationRequest;
import io.cairn.rank.Recommender;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The baseline planner: asks the recommender for the best next credential, takes it (with the prerequisite it is
 * one step away from), and repeats with the new holdings and what is left of the budget and hours, until the goal is
 * reached or nothing more fits. It is what a learner following the suggestions one at a time would do.
 */
final class GreedyPlanner {
  /** Suggestions asked for per step, so that excluded ones can be passed over. */
  static final int K = 10;
  /** A guard: no goal needs more steps than this. */
  static final int MAX_STEPS = 200;

  private final Recommender recommender;

  GreedyPlanner(Recommender recommender) {
    this.recommender = recommender;
  }

  /**
   * The credentials to buy, in the order greedy takes them.
   *
   * @param stop why it stopped before the goal, or empty when it reached it
   */
  record Result(List<Integer> bought, Optional<String> stop) {
    public Result {
      bought = List.copyOf(bought);
    }
  }

  Result plan(PlanEvaluator evaluator) {
    Problem p = evaluator.problem();
    CatalogSnapshot s = p.snapshot();
    List<Integer> bought = new ArrayList<>();
    for (int c : p.include().minus(p.learner().credentials()).toArray()) {
      Outcome now = evaluator.evaluate(IntSet.of(bought));
      if (!now.has().contains(c)) {
        List<Integer> with = new ArrayList<>(bought);
        takeWithPrerequisites(s, p, c, now, with);
        // an included credential that does not fit the limits is left out (the answer's blockers say so)
        if (evaluator.admissibleTotals(evaluator.evaluate(IntSet.of(with)))) {
          bought.clear();
          bought.addAll(with);
        }
      }
    }
    for (int step = 0; step < MAX_STEPS; step++) {
      Outcome now = evaluator.evaluate(IntSet.of(bought));
      if (now.reaches()) {
        return new Result(bought, Optional.empty());
      }
      Constraints left = remaining(p.request().constraints(), now);
      RecommendationList list = recommender.recommend(s, new RecommendationRequest(learner(s, p, now),
          p.request().goal(), left, K));
      Optional<List<Integer>> next = choose(s, p, list, now, left);
      if (next.isEmpty()) {
        return new Result(bought, Optional.of(list.reason().orElse(
            "no suggestion left that advances the goal and is not excluded")));
      }
      bought.addAll(next.get());
    }
    return new Result(bought, Optional.of("stopped after " + MAX_STEPS + " steps"));
  }

  /** The first suggestion not excluded, preceded by what it is one step away from. */
  private static Optional<List<Integer>> choose(CatalogSnapshot s, Problem p, RecommendationList list, Outcome now,
      Constraints left) {
    for (Recommendation r : list.items()) {
      if (p.exclude().contains(r.credential()) || now.has().contains(r.credential())) {
        continue;
      }
      IntSet prerequisites = r.explanation().missingPrerequisites();
      if (prerequisites.stream().anyMatch(p.exclude()::contains)) {
        continue;
      }
      List<Integer> steps = new ArrayList<>();
      prerequisites.stream().forEach(steps::add);
      boolean ok = true;
      double budget = left.maxCost() - r.explanation().totalCost();
      for (int k : r.explanation().missingCompetencies().toArray()) {
        int teacher = cheapestTeacher(s, p, k, now, budget, left);
        if (teacher < 0) {
          ok = false;
          break;
        }
        steps.add(teacher);
        budget -= s.facts().cost(teacher);
      }
      if (ok) {
        steps.add(r.credential());
        return Optional.of(steps);
      }
    }
    return Optional.empty();
  }

  /** The cheapest credential teaching {@code competency} that can be taken now, within the limits; -1 if none. */
  private static int cheapestTeacher(CatalogSnapshot s, Problem p, int competency, Outcome now, double budget,
      Constraints left) {
    int best = -1;
    BitSet has = now.has().toBitSet();
    BitSet known = now.competencies().toBitSet();
    for (int t : s.taughtBy(competency).toArray()) {
      if (has.get(t) || p.exclude().contains(t) || s.facts().cost(t) > budget + 1e-9
          || !ProblemBuilder.fitsWithin(s.facts(), t, left) || !PlanEvaluator.prerequisitesMet(s, t, has, known)) {
        continue;
      }
      if (best < 0 || s.facts().cost(t) < s.facts().cost(best)
          || s.facts().cost(t) == s.facts().cost(best) && s.facts().hours(t) < s.facts().hours(best)) {
        best = t;
      }
    }
    return best;
  }

  /** Adds {@code c} after its missing prerequisites (the cheapest teacher for a missing competency). */
  private static void takeWithPrerequisites(CatalogSnapshot s, Problem p, int c, Outcome now, List<Integer> bought) {
    Credential credential = s.credential(c);
    for (int pre : credential.requiredCredentials().toArray()) {
      if (!now.has().contains(pre) && !bought.contains(pre)) {
        takeWithPrerequisites(s, p, pre, now, bought);
      }
    }
    for (int k : credential.requiredCompetencies().toArray()) {
      if (!now.competencies().contains(k)) {
        int teacher = cheapestTeacher(s, p, k, now, Double.POSITIVE_INFINITY, Constraints.none());
        if (teacher >= 0 && !bought.contains(teacher)) {
          bought.add(teacher);
        }
      }
    }
    if (!bought.contains(c)) {
      bought.add(c);
    }
  }

  private static Constraints remaining(Constraints c, Outcome now) {
    return new Constraints(Math.max(0, c.maxCost() - now.cost()), Math.max(0, c.maxHours() - now.hours()),
        c.modes(), c.creditBearingOnly(), c.maxEqfLevel());
  }

  private static Learner learner(CatalogSnapshot s, Problem p, Outcome now) {
    List<String> credentials = now.has().stream().mapToObj(c -> s.credential(c).iri()).toList();
    List<String> competencies = p.learner().declaredCompetencies().stream()
        .mapToObj(k -> s.competency(k).iri()).toList();
    return new Learner(p.request().learner().name(), credentials, competencies);
  }
}
