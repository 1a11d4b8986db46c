package io.cairn.rank;

import java.util.List;

/**
 * A skill a learned score counts for a credential, with its evidence.
 *
 * @param value the model's value of the skill for this learner
 * @param credit what it adds to the credential's score (goal skills count before adjacent ones)
 * @param relation {@code essential}, {@code optional}, {@code requested} or {@code requirement} for the goal;
 *     {@code adjacent} for a skill outside the goal that the model rates highly; {@code next} in goal-free mode
 * @param jobOffers job offers of the occupations needing it
 * @param occupations occupations needing it
 * @param goesWith held skills most often needed together with it (strongest first)
 */
public record CountedSkill(int competency, double value, double credit, String relation, long jobOffers,
    int occupations, List<Integer> goesWith) {

  public CountedSkill {
    goesWith = List.copyOf(goesWith);
  }
}
