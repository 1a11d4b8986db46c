package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores a credential by the learned value of the skills it newly gives this learner: the goal's unmet skills
 * first (each worth its goal factor times one plus its learned value), then adjacent skills outside the goal
 * that the model rates highly (worth half their learned value), plus progress on open pathway requirements,
 * minus cost and time; a credential one prerequisite away is discounted. Constraints are enforced before any
 * scoring. The model runs once per request, and each credential's summed credit is tabulated then through the
 * inverted index, so scoring a candidate is a table look-up.
 */
public final class SkillValueScorer implements Scorer {
  /** How many skills outside the goal the model may add to a credential's value. */
  static final int ADJACENT = 20;
  /** An adjacent skill counts for this share of its learned value; a goal skill for one plus its value. */
  static final double ADJACENT_FACTOR = 0.5;

  private static final Comparator<CountedSkill> GOAL_FIRST = Comparator
      .comparingInt((CountedSkill s) -> s.relation().equals("adjacent") ? 1 : 0)
      .thenComparing(Comparator.comparingDouble(CountedSkill::credit).reversed())
      .thenComparingInt(CountedSkill::competency);

  private final SkillValueSource source;
  private final TransparentScorer.Weights weights;

  /** Weighs requirements, cost, hours and the one-step discount as {@code weights} do (coverage and stacking aside). */
  public SkillValueScorer(SkillValueSource source, TransparentScorer.Weights weights) {
    this.source = java.util.Objects.requireNonNull(source, "source");
    this.weights = weights;
  }

  public SkillValueScorer(SkillValueSource source) {
    this(source, TransparentScorer.Weights.defaults());
  }

  @Override
  public double score(Candidate candidate, ScoringContext context) {
    return forRequest(context).score(candidate, context);
  }

  @Override
  public String name() {
    return "learned (" + source.name() + ")";
  }

  @Override
  public Scorer forRequest(ScoringContext context) {
    GoalTargets goal = context.goal();
    CatalogSnapshot snapshot = context.snapshot();
    IntSet unmet = goal.unmet();
    int[] goalSkills = unmet.toArray();
    double[] goalValues = new double[goalSkills.length];
    double[] goalCredits = new double[goalSkills.length];
    int[] adjacent;
    double[] adjacentValues;
    if (goal.kind().equals(TargetResolver.FIELD_KIND)) {
      // the targets are the model's own next skills, already weighted by their learned value
      for (int i = 0; i < goalSkills.length; i++) {
        goalValues[i] = goal.weight(goalSkills[i]);
        goalCredits[i] = goalValues[i];
      }
      adjacent = new int[0];
      adjacentValues = new double[0];
    } else {
      int occupation = goal.kind().equals("occupation")
          ? snapshot.findOccupation(goal.id()).map(Occupation::index).orElse(-1) : -1;
      SkillValues values = source.values(snapshot, context.learner().competencies(), "", occupation, unmet,
          ADJACENT);
      for (int i = 0; i < goalSkills.length; i++) {
        goalValues[i] = values.value(goalSkills[i]);
        double factor = goal.targets().get(goalSkills[i]).reason().equals("optional")
            ? TargetResolver.OPTIONAL_FACTOR : 1.0;
        goalCredits[i] = factor * (1 + Math.max(0, goalValues[i]));
      }
      adjacent = values.adjacent().clone();
      adjacentValues = new double[adjacent.length];
      for (int i = 0; i < adjacent.length; i++) {
        adjacentValues[i] = values.value(adjacent[i]);
      }
    }
    double[] credit = new double[snapshot.credentials().size()];
    // a goal skill that is a broader concept (a skill group) is covered through its narrower skills
    tabulate(snapshot::coveredBy, goalSkills, goalCredits, credit);
    double[] adjacentCredits = new double[adjacent.length];
    for (int i = 0; i < adjacent.length; i++) {
      adjacentCredits[i] = ADJACENT_FACTOR * Math.max(0, adjacentValues[i]);
    }
    tabulate(snapshot::taughtBy, adjacent, adjacentCredits, credit);
    return new Prepared(context.learner().competencies(), goalSkills, goalValues, goalCredits,
        IntSet.of(java.util.Arrays.stream(adjacent).boxed().toList()), adjacent, adjacentValues, adjacentCredits,
        credit);
  }

  /** Adds each skill's credit to every credential {@code teaching} it. */
  private static void tabulate(java.util.function.IntFunction<IntSet> teaching, int[] skills, double[] credits,
      double[] credit) {
    for (int i = 0; i < skills.length; i++) {
      if (credits[i] == 0) {
        continue;
      }
      IntSet teachers = teaching.apply(skills[i]);
      for (int j = 0; j < teachers.size(); j++) {
        credit[teachers.get(j)] += credits[i];
      }
    }
  }

  /** The scorer for one request: the learned credit of every credential, tabulated once. */
  private final class Prepared implements Scorer, TermScorer {
    private final IntSet held;
    private final int[] goalSkills;
    private final double[] goalValues;
    private final double[] goalCredits;
    private final IntSet adjacentSet;
    private final int[] adjacent;
    private final double[] adjacentValues;
    private final double[] adjacentCredits;
    private final double[] credit;

    Prepared(IntSet held, int[] goalSkills, double[] goalValues, double[] goalCredits, IntSet adjacentSet,
        int[] adjacent, double[] adjacentValues, double[] adjacentCredits, double[] credit) {
      this.held = held;
      this.goalSkills = goalSkills;
      this.goalValues = goalValues;
      this.goalCredits = goalCredits;
      this.adjacentSet = adjacentSet;
      this.adjacent = adjacent;
      this.adjacentValues = adjacentValues;
      this.adjacentCredits = adjacentCredits;
      this.credit = credit;
    }

    @Override
    public double score(Candidate candidate, ScoringContext context) {
      return weights.net(credit[candidate.credential()], candidate);
    }

    @Override
    public double score(int credential, double coverage, double requirements, double totalCost,
        double totalHours, boolean oneStepAway, ScoringContext context) {
      return weights.net(credit[credential], requirements, totalCost, totalHours, oneStepAway);
    }

    @Override
    public String name() {
      return SkillValueScorer.this.name();
    }

    @Override
    public List<CountedSkill> counted(Candidate candidate, ScoringContext context) {
      GoalTargets goal = context.goal();
      CatalogSnapshot snapshot = context.snapshot();
      List<CountedSkill> counted = new ArrayList<>();
      IntSet newTargets = candidate.newTargets();
      for (int i = 0; i < newTargets.size(); i++) {
        int skill = newTargets.get(i);
        int at = java.util.Arrays.binarySearch(goalSkills, skill);
        counted.add(counted(snapshot, skill, goalValues[at], goalCredits[at], goal.targets().get(skill).reason()));
      }
      IntSet taughtAdjacent = snapshot.credential(candidate.credential()).teaches().intersect(adjacentSet);
      for (int i = 0; i < taughtAdjacent.size(); i++) {
        int skill = taughtAdjacent.get(i);
        for (int a = 0; a < adjacent.length; a++) {
          if (adjacent[a] == skill && adjacentCredits[a] > 0) {
            counted.add(counted(snapshot, skill, adjacentValues[a], adjacentCredits[a], "adjacent"));
          }
        }
      }
      counted.sort(GOAL_FIRST);
      return counted;
    }

    private CountedSkill counted(CatalogSnapshot snapshot, int skill, double value, double credit, String relation) {
      SkillValueSource.Evidence evidence = source.evidence(snapshot, held, skill);
      return new CountedSkill(skill, value, credit, relation, evidence.jobOffers(), evidence.occupations(),
          evidence.goesWith());
    }
  }
}
