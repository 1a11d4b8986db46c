package io.cairn.labor.features;

/**
 * How many candidate skills each source adds to a profile's candidate pool: the skills co-occurring most with
 * the held skills (by Σ P(c|h)), the goal field's most needed skills, the most needed skills overall, and the
 * skills of the occupations most like the learner's held skills ({@code neighbours} skills from the
 * {@code neighbourOccupations} nearest occupations). Held skills are never candidates.
 */
public record PoolSettings(int cooccurring, int goalField, int global, int neighbourOccupations, int neighbours) {
  public static final PoolSettings DEFAULT = new PoolSettings(250, 100, 50, 40, 150);

  public PoolSettings {
    if (cooccurring < 0 || goalField < 0 || global < 0 || neighbourOccupations < 1 || neighbours < 0
        || cooccurring + goalField + global + neighbours == 0) {
      throw new IllegalArgumentException("pool sizes must be non-negative and not all zero");
    }
  }
}
