package io.cairn.labor.profile;

import io.cairn.catalog.IntSet;
import io.cairn.labor.data.OccupationSkills;

/**
 * A learner made from part of one occupation's skills: what they hold and the goal field they state (the
 * occupation's ISCO minor group, not the occupation). The hidden skills are the answer: relevance 2 for a hidden
 * essential skill, 1 for a hidden optional one, 0 for anything else.
 */
public record Profile(OccupationSkills occupation, double heldFraction, IntSet held) {

  public String goalField() {
    return occupation.minorGroup();
  }

  /** Graded relevance of a candidate skill for this learner. */
  public int relevance(int skill) {
    if (held.contains(skill)) {
      return 0;
    }
    return occupation.essential().contains(skill) ? 2 : occupation.optional().contains(skill) ? 1 : 0;
  }

  /** Relevance of every hidden skill, highest first: the ideal ranking. */
  public int[] idealRelevances() {
    IntSet hiddenEssential = occupation.essential().minus(held);
    IntSet hiddenOptional = occupation.optional().minus(held);
    int[] ideal = new int[hiddenEssential.size() + hiddenOptional.size()];
    java.util.Arrays.fill(ideal, 0, hiddenEssential.size(), 2);
    java.util.Arrays.fill(ideal, hiddenEssential.size(), ideal.length, 1);
    return ideal;
  }
}
