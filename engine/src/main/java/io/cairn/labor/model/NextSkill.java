package io.cairn.labor.model;

import java.util.List;

/**
 * A skill the model suggests learning next, with the evidence behind it.
 *
 * @param competency the skill's index in the snapshot the ranker is bound to
 * @param value the model's predicted relevance (about 0 to 2: 2 means "as likely as a missing essential skill")
 * @param goalRelation {@code essential} or {@code optional} for the goal occupation, or {@code none} (also when
 *     no occupation is the goal)
 * @param jobOffers job offers of all occupations needing the skill
 * @param occupations occupations needing the skill
 * @param goesWith held skills most often needed together with it (competency indices, strongest first, at most 3)
 */
public record NextSkill(int competency, String iri, String id, String label, double value, String goalRelation,
    long jobOffers, int occupations, List<Integer> goesWith) {

  public NextSkill {
    goesWith = List.copyOf(goesWith);
  }
}
