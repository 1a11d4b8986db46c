package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.learner.ResolvedLearner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Resolves the goal, generates candidates, drops those that break a constraint, scores and sorts the rest. */
final class ScoringRecommender implements Recommender {
  private final Scorer scorer;
  private final TargetResolver targets;
  private final CandidateGenerator generator;

  ScoringRecommender(Scorer scorer, TargetResolver targets, CandidateGenerator generator) {
    this.scorer = scorer;
    this.targets = targets;
    this.generator = generator;
  }

  @Override
  public RecommendationList recommend(CatalogSnapshot snapshot, RecommendationRequest request) {
    ResolvedLearner learner = ResolvedLearner.resolve(snapshot, request.learner());
    GoalTargets goal = targets.resolve(snapshot, request.goal(), learner);
    CandidateGenerator.Result generated = generator.generate(snapshot, goal, learner);
    ConstraintCheck check = new ConstraintCheck(snapshot, request.constraints());
    ScoringContext context = new ScoringContext(snapshot, goal, learner, request.constraints());
    TreeMap<String, Integer> excluded = new TreeMap<>();
    if (generated.blockedByPrerequisites() > 0) {
      excluded.put("prerequisites more than one step away", generated.blockedByPrerequisites());
    }
    record Scored(Candidate candidate, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (Candidate candidate : generated.candidates()) {
      Optional<String> violation = check.violation(candidate);
      if (violation.isPresent()) {
        excluded.merge(violation.get(), 1, Integer::sum);
        continue;
      }
      scored.add(new Scored(candidate, scorer.score(candidate, context)));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparingInt(s -> s.candidate().credential()));
    // explanations cost more than scores: build them for the top only
    List<Recommendation> top = new ArrayList<>();
    for (int i = 0; i < Math.min(request.k(), scored.size()); i++) {
      Scored s = scored.get(i);
      top.add(new Recommendation(s.candidate().credential(), i + 1, s.score(), s.score(),
          explain(snapshot, learner, goal, s.candidate())));
    }
    Optional<String> reason = top.size() >= request.k()
        ? Optional.empty()
        : Optional.of(reason(snapshot, goal, generated, excluded, scored.size(), request));
    return new RecommendationList(goal, top, reason, generated.candidates().size(), excluded, scorer.name(),
        snapshot.version());
  }

  private static Explanation explain(CatalogSnapshot snapshot, ResolvedLearner learner, GoalTargets goal,
      Candidate candidate) {
    Credential credential = snapshot.credential(candidate.credential());
    List<Target> covers = candidate.newTargets().stream().mapToObj(goal.targets()::get)
        .sorted(Comparator.comparingDouble(Target::weight).reversed().thenComparingInt(Target::competency))
        .toList();
    List<Integer> stacksInto = new ArrayList<>();
    credential.stacksInto().forEach(link -> stacksInto.add(link.target()));
    snapshot.stacksIntoClosure(credential.index()).stream().filter(w -> !stacksInto.contains(w)).forEach(stacksInto::add);
    stacksInto.removeIf(learner.credentials()::contains);
    IntSet unlocks = snapshot.unlocks(credential.index()).minus(learner.credentials());
    return new Explanation(covers, candidate.steps(), stacksInto, unlocks, candidate.missingPrerequisites(),
        candidate.missingCompetencies(), credential.cost(), credential.currency(), credential.hours(),
        credential.ects(), candidate.totalCost(), candidate.totalHours());
  }

  private static String reason(CatalogSnapshot snapshot, GoalTargets goal, CandidateGenerator.Result generated,
      TreeMap<String, Integer> excluded, int eligible, RecommendationRequest request) {
    boolean openRequirements = goal.audit().map(a -> !a.openLeaves().isEmpty()).orElse(false);
    if (goal.targets().isEmpty() && !openRequirements) {
      return "goal already reached: the learner holds every competency and requirement '" + goal.label()
          + "' asks for";
    }
    if (generated.advancing() == 0) {
      String examples = goal.targets().keySet().stream().sorted().limit(3)
          .map(k -> snapshot.competency(k).label()).collect(Collectors.joining(", "));
      return "no credential in the catalog teaches any of the " + goal.targets().size()
          + " unmet targets (for example " + examples + ")";
    }
    if (generated.candidates().isEmpty()) {
      return generated.advancing() + " credential(s) would advance the goal, but each needs more than one"
          + " prerequisite the learner does not hold";
    }
    if (eligible == 0) {
      String why = excluded.entrySet().stream()
          .filter(e -> !e.getKey().startsWith("prerequisites more"))
          .map(e -> e.getValue() + " " + ConstraintCheck.describe(e.getKey(), request.constraints()))
          .collect(Collectors.joining(", "));
      return generated.candidates().size() + " credential(s) would advance the goal, but none fits the constraints: "
          + why;
    }
    return "only " + eligible + " credential(s) advance the goal within the constraints";
  }
}
