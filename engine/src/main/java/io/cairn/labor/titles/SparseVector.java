package io.cairn.labor.titles;

/** A unit-length sparse vector: feature ids (ascending) and their values. */
record SparseVector(int[] ids, float[] values) {

  /** Sorts by id and scales to unit length (an empty vector stays empty). */
  static SparseVector of(int[] ids, float[] values) {
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> ids[i]));
    double norm = 0;
    for (float v : values) {
      norm += (double) v * v;
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    int[] sortedIds = new int[ids.length];
    float[] sortedValues = new float[ids.length];
    for (int i = 0; i < order.length; i++) {
      sortedIds[i] = ids[order[i]];
      sortedValues[i] = values[order[i]] * scale;
    }
    return new SparseVector(sortedIds, sortedValues);
  }

  boolean isEmpty() {
    return ids.length == 0;
  }
}
