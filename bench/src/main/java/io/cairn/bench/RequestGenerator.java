package io.cairn.bench;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import io.cairn.rank.RecommendationRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded learner/goal pairs over a catalog, for benchmarking only. Mostly occupation goals (85%), some
 * competency goals (3-8 skills that co-occur in one occupation). A learner holds 0-3 credentials that already
 * teach part of the goal and sometimes one unrelated credential, and declares 1-6 competencies (some of the
 * goal's essential skills, some transversal ones). Constraints vary the way real requests do: budgets, hours,
 * modes, credit-bearing only, a highest EQF level.
 */
final class RequestGenerator {

  /** One question, in the three forms the benchmarks ask it. */
  record Question(RecommendationRequest request, Map<String, Object> body, SparqlQuestion sparql) {}

  /**
   * The same question for the SPARQL baseline, by IRI: the occupation (or the listed competencies), what the
   * learner holds and declares, the budget and k.
   */
  record SparqlQuestion(String occupationIri, List<String> competencyIris, List<String> heldCredentialIris,
      List<String> declaredCompetencyIris, double maxCost, int k) {}

  private final CatalogSnapshot snapshot;
  private final SplittableRandom rnd;
  private final List<Occupation> goals = new ArrayList<>();
  private final List<Competency> transversal = new ArrayList<>();

  RequestGenerator(CatalogSnapshot snapshot, long seed) {
    this.snapshot = snapshot;
    this.rnd = new SplittableRandom(seed);
    for (Occupation o : snapshot.occupations()) {
      if (o.essential().size() >= 3) {
        goals.add(o);
      }
    }
    for (Competency c : snapshot.competencies()) {
      if ("transversal".equals(c.reuseLevel())) {
        transversal.add(c);
      }
    }
    if (goals.isEmpty() || snapshot.credentials().isEmpty()) {
      throw new IllegalStateException("the catalog needs occupations with skills and credentials");
    }
  }

  List<Question> questions(int count, int k) {
    List<Question> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(question(k));
    }
    return out;
  }

  private Question question(int k) {
    Occupation occupation = goals.get(rnd.nextInt(goals.size()));
    boolean competencyGoal = rnd.nextDouble() < 0.15;

    // what the learner already holds: credentials that teach part of the goal, and perhaps one unrelated one
    Set<Integer> held = new LinkedHashSet<>();
    int related = rnd.nextInt(4);
    for (int i = 0; i < related * 3 && held.size() < related; i++) {
      int skill = any(occupation.essential());
      IntSet teachers = snapshot.taughtBy(skill);
      if (!teachers.isEmpty()) {
        held.add(any(teachers));
      }
    }
    if (rnd.nextDouble() < 0.3) {
      held.add(rnd.nextInt(snapshot.credentials().size()));
    }
    Set<Integer> declared = new LinkedHashSet<>();
    int fromGoal = rnd.nextInt(4);
    for (int i = 0; i < fromGoal; i++) {
      declared.add(any(occupation.essential()));
    }
    int soft = 1 + rnd.nextInt(3);
    for (int i = 0; i < soft && !transversal.isEmpty(); i++) {
      declared.add(transversal.get(rnd.nextInt(transversal.size())).index());
    }

    List<Integer> goalSkills = new ArrayList<>();
    if (competencyGoal) {
      int n = 3 + rnd.nextInt(6);
      IntSet pool = occupation.essential().union(occupation.optional());
      for (int i = 0; i < n * 3 && goalSkills.size() < n; i++) {
        int skill = any(pool);
        if (!goalSkills.contains(skill)) {
          goalSkills.add(skill);
        }
      }
    }

    // constraints
    double maxCost = pickDouble(new double[] {200, 500, 1000, 1500, 3000, 10000, Double.POSITIVE_INFINITY},
        new double[] {0.1, 0.15, 0.2, 0.15, 0.15, 0.1, 0.15});
    double maxHours = pickDouble(new double[] {50, 100, 200, 300, 600, Double.POSITIVE_INFINITY},
        new double[] {0.1, 0.15, 0.2, 0.2, 0.15, 0.2});
    double m = rnd.nextDouble();
    Set<DeliveryMode> modes = m < 0.5 ? Set.of()
        : m < 0.7 ? EnumSet.of(DeliveryMode.ONLINE)
        : m < 0.9 ? EnumSet.of(DeliveryMode.ONLINE, DeliveryMode.BLENDED)
        : EnumSet.of(DeliveryMode.BLENDED, DeliveryMode.IN_PERSON);
    boolean creditBearingOnly = rnd.nextDouble() < 0.12;
    int maxEqf = rnd.nextDouble() < 0.2 ? 5 + rnd.nextInt(3) : 8;

    List<String> heldIds = held.stream().map(c -> snapshot.credential(c).id()).toList();
    List<String> declaredIds = declared.stream().map(c -> snapshot.competency(c).id()).toList();
    Learner learner = new Learner("bench learner", heldIds, declaredIds);
    Goal goal = competencyGoal
        ? new Goal.CompetencyGoal(goalSkills.stream().map(c -> snapshot.competency(c).id()).toList())
        : new Goal.OccupationGoal(occupation.id());
    Constraints constraints = new Constraints(maxCost, maxHours, modes, creditBearingOnly, maxEqf);
    RecommendationRequest request = new RecommendationRequest(learner, goal, constraints, k);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("learner", Map.of("name", "bench learner", "credentials", heldIds, "competencies", declaredIds));
    body.put("goal", competencyGoal
        ? Map.of("type", "competencies", "ids", goalSkills.stream().map(c -> snapshot.competency(c).id()).toList())
        : Map.of("type", "occupation", "id", occupation.id()));
    Map<String, Object> c = new LinkedHashMap<>();
    if (Double.isFinite(maxCost)) {
      c.put("maxCost", maxCost);
    }
    if (Double.isFinite(maxHours)) {
      c.put("maxHours", maxHours);
    }
    if (!modes.isEmpty()) {
      c.put("modes", modes.stream().map(DeliveryMode::apiName).toList());
    }
    c.put("creditBearingOnly", creditBearingOnly);
    if (maxEqf < 8) {
      c.put("maxEqfLevel", maxEqf);
    }
    body.put("constraints", c);
    body.put("k", k);

    SparqlQuestion sparql = new SparqlQuestion(competencyGoal ? null : occupation.iri(),
        goalSkills.stream().map(s -> snapshot.competency(s).iri()).toList(),
        held.stream().map(h -> snapshot.credential(h).iri()).toList(),
        declared.stream().map(d -> snapshot.competency(d).iri()).toList(), maxCost, k);
    return new Question(request, body, sparql);
  }

  private int any(IntSet set) {
    return set.get(rnd.nextInt(set.size()));
  }

  private double pickDouble(double[] values, double[] weights) {
    double p = rnd.nextDouble();
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += weights[i];
      if (p < sum) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
