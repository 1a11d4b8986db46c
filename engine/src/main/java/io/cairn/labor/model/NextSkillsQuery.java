package io.cairn.labor.model;

import io.cairn.catalog.IntSet;

/**
 * A "what should I learn next" question, in the indices of the snapshot the ranker is bound to.
 *
 * @param held the skills the learner holds (through competencies or credentials)
 * @param goalField an ISCO-08 minor group (3 digits) the learner aims at, or empty
 * @param goalOccupation the occupation aimed at (its index), or -1; its minor group is the goal field when none
 *     is given, and its missing skills come first
 * @param k how many skills to return
 */
public record NextSkillsQuery(IntSet held, String goalField, int goalOccupation, int k) {
  public NextSkillsQuery {
    goalField = goalField == null ? "" : goalField.trim();
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1");
    }
    if (!goalField.isEmpty() && !goalField.matches("[0-9]{3}")) {
      throw new IllegalArgumentException("goal field must be an ISCO-08 minor group of 3 digits, got '" + goalField + "'");
    }
  }
}
