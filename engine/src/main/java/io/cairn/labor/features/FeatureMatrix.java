package io.cairn.labor.features;

/**
 * The features of each candidate skill for one profile: row {@code i} describes {@code candidates[i]}, column
 * {@code f} is {@code Feature.values()[f]}.
 */
public record FeatureMatrix(int[] candidates, float[] values) {

  public int size() {
    return candidates.length;
  }

  public int candidate(int row) {
    return candidates[row];
  }

  public double get(int row, Feature feature) {
    return values[row * Feature.COUNT + feature.ordinal()];
  }

  public double get(int row, int feature) {
    return values[row * Feature.COUNT + feature];
  }

  /** The row of {@code skill}, or -1 when it is not a candidate. */
  public int rowOf(int skill) {
    for (int i = 0; i < candidates.length; i++) {
      if (candidates[i] == skill) {
        return i;
      }
    }
    return -1;
  }

  /** The given rows only, in the given order (features keep the values computed over the whole pool). */
  public FeatureMatrix select(int[] rows) {
    int[] picked = new int[rows.length];
    float[] copied = new float[rows.length * Feature.COUNT];
    for (int i = 0; i < rows.length; i++) {
      picked[i] = candidates[rows[i]];
      System.arraycopy(values, rows[i] * Feature.COUNT, copied, i * Feature.COUNT, Feature.COUNT);
    }
    return new FeatureMatrix(picked, copied);
  }
}
