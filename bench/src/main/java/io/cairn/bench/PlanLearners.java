package io.cairn.bench;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.learner.Learner;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded learners for the planner's evaluation, <strong>for benchmarking only</strong>: an occupation drawn at
 * random (among those with at least {@value #MIN_SKILLS} skills and one essential skill), and a random
 * {@value #HELD_PERCENT}% of its skills (essential and optional) declared as held, as the skill-value model's
 * profiles are made; the goal is that occupation. Each gets a budget drawn uniformly from {@link #BUDGETS} (EUR)
 * and, independently, hours from {@link #HOURS}, for the value objective: without a limit on hours, a third of the
 * generated badges being free, "the most job offers within the budget" would take dozens of free badges.
 */
final class PlanLearners {
  static final int MIN_SKILLS = 4;
  static final int HELD_PERCENT = 20;
  /** The budgets drawn from, in EUR: from a few badges to a university certificate. */
  static final double[] BUDGETS = {250, 500, 1000, 2000, 4000};
  /** The hours drawn from: a month to a year of part-time study at about 8 hours a week. */
  static final double[] HOURS = {40, 100, 200, 400};

  /** One learner: declared skills, the goal occupation, a budget and hours for the value objective. */
  record PlanLearner(Learner learner, Occupation goal, IntSet held, double budget, double hours) {}

  private PlanLearners() {}

  static List<PlanLearner> draw(CatalogSnapshot snapshot, int count, long seed) {
    List<Occupation> occupations = snapshot.occupations().stream()
        .filter(o -> !o.essential().isEmpty() && o.essential().size() + o.optional().size() >= MIN_SKILLS).toList();
    SplittableRandom random = new SplittableRandom(seed);
    List<PlanLearner> learners = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Occupation o = occupations.get(random.nextInt(occupations.size()));
      int[] skills = o.essential().union(o.optional()).toArray();
      int held = Math.max(1, Math.min(skills.length - 1, Math.round(skills.length * HELD_PERCENT / 100f)));
      for (int k = 0; k < held; k++) {
        int j = k + random.nextInt(skills.length - k);
        int t = skills[k];
        skills[k] = skills[j];
        skills[j] = t;
      }
      IntSet declared = IntSet.of(java.util.Arrays.copyOf(skills, held));
      Learner learner = new Learner("plan bench learner " + i, List.of(),
          declared.stream().mapToObj(k -> snapshot.competency(k).id()).toList());
      learners.add(new PlanLearner(learner, o, declared, BUDGETS[random.nextInt(BUDGETS.length)],
          HOURS[random.nextInt(HOURS.length)]));
    }
    return learners;
  }
}
