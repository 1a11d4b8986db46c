package io.cairn.labor.features;

/**
 * How many candidate skills each source adds to a profile's candidate pool: the skills co-occurring most with
 * the held skills (by Σ P(c|h)), the goal field's most needed skills, and the most needed skills overall. Held
 * skills are never candidates.
 */
public record PoolSettings(int cooccurring, int goalField, int global) {
  public static final PoolSettings DEFAULT = new PoolSettings(250, 100, 50);

  public PoolSettings {
    if (cooccurring < 0 || goalField < 0 || global < 0 || cooccurring + goalField + global == 0) {
      throw new IllegalArgumentException("pool sizes must be non-negative and not all zero");
    }
  }
}
