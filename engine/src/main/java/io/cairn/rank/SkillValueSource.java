package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import java.util.List;

/**
 * What the recommender needs from a learned skill-value model, stated here so that ranking does not depend on
 * how the values are learned (the labor package implements it with its Tribuo model). Implementations are
 * thread-safe.
 */
public interface SkillValueSource {

  /**
   * The learned values for one learner, from one pass of the model: every skill of {@code skills} plus the
   * {@code adjacent} skills outside it that the model rates highest. Held skills are never among them.
   *
   * @param held the skills the learner holds (declared and taught by held credentials)
   * @param goalField the ISCO-08 minor group (3 digits) the learner aims at, or empty
   * @param goalOccupation the occupation aimed at (its index), or -1
   */
  SkillValues values(CatalogSnapshot snapshot, IntSet held, String goalField, int goalOccupation, IntSet skills,
      int adjacent);

  /** The labor-market evidence behind {@code skill} for a learner holding {@code held}. */
  Evidence evidence(CatalogSnapshot snapshot, IntSet held, int skill);

  /** A short name of the model, reported with every recommendation list. */
  String name();

  /**
   * Why a skill is worth learning, in facts a person can check.
   *
   * @param jobOffers job offers of the occupations needing the skill
   * @param occupations occupations needing it
   * @param goesWith held skills most often needed together with it (competency indices, strongest first)
   */
  record Evidence(long jobOffers, int occupations, List<Integer> goesWith) {
    public Evidence {
      goesWith = List.copyOf(goesWith);
    }
  }
}
