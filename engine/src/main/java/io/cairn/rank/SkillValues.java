package io.cairn.rank;

import java.util.Arrays;

/**
 * One learner's learned skill values, as a {@link SkillValueSource} computed them for one request.
 *
 * @param skills the valued skills, sorted by index
 * @param values their values, aligned with {@code skills} (about 0 to 2; 2 is as likely as a missing essential
 *     skill of the learner's occupation)
 * @param adjacent the skills beyond the ones asked for that the model rates highest, best first (all in
 *     {@code skills})
 */
public record SkillValues(int[] skills, double[] values, int[] adjacent) {

  public SkillValues {
    if (skills.length != values.length) {
      throw new IllegalArgumentException("one value per skill is needed");
    }
    for (int i = 1; i < skills.length; i++) {
      if (skills[i - 1] >= skills[i]) {
        throw new IllegalArgumentException("skills must be sorted and distinct");
      }
    }
  }

  /** The value of {@code skill}, 0 when it was not valued. */
  public double value(int skill) {
    int i = Arrays.binarySearch(skills, skill);
    return i >= 0 ? values[i] : 0;
  }
}
