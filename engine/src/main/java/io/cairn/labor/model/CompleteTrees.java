package io.cairn.labor.model;

import io.cairn.labor.features.Feature;

/**
 * Shallow trees laid out as complete binary trees of one depth, so that a row descends each by index arithmetic,
 * {@code node = 2 node + 1} or {@code + 2}, a fixed number of steps with no branch to mispredict: a leaf above the
 * bottom becomes a split whose two sides lead to copies of it. A missing value (NaN) always goes right here, so
 * rows holding one must take {@link TreeEnsemble}'s walk, which knows each split's default branch. Immutable.
 */
final class CompleteTrees {
  /** Deeper trees are walked node by node: a complete layout would double in size with each level. */
  static final int MAX_DEPTH = 8;

  private final int depth;
  private final int trees;
  /** Per tree, {@code 2^depth - 1} splits in breadth-first order: the feature ordinal and the threshold. */
  private final int[] feature;
  private final float[] threshold;
  /** Per tree, {@code 2^depth} leaf values, left to right. */
  private final float[] leaf;

  private CompleteTrees(int depth, int trees) {
    this.depth = depth;
    this.trees = trees;
    int splits = (1 << depth) - 1;
    this.feature = new int[trees * splits];
    this.threshold = new float[trees * splits];
    this.leaf = new float[trees * (splits + 1)];
  }

  /**
   * The trees rooted at {@code roots} of the node arrays ({@code feature} -1 at a leaf, whose value is its
   * {@code threshold}), or null when one is deeper than {@link #MAX_DEPTH}.
   */
  static CompleteTrees of(int[] roots, int[] feature, float[] threshold, int[] left, int[] right) {
    int depth = 0;
    for (int root : roots) {
      depth = Math.max(depth, depth(root, feature, left, right));
    }
    if (depth > MAX_DEPTH) {
      return null;
    }
    CompleteTrees complete = new CompleteTrees(depth, roots.length);
    for (int t = 0; t < roots.length; t++) {
      complete.fill(t, roots[t], 0, 0, feature, threshold, left, right);
    }
    return complete;
  }

  private static int depth(int node, int[] feature, int[] left, int[] right) {
    return feature[node] < 0 ? 0
        : 1 + Math.max(depth(left[node], feature, left, right), depth(right[node], feature, left, right));
  }

  private void fill(int tree, int node, int slot, int level, int[] nodeFeature, float[] nodeThreshold, int[] left,
      int[] right) {
    int splits = (1 << depth) - 1;
    if (level == depth) {
      leaf[tree * (splits + 1) + slot - splits] = nodeThreshold[node];
      return;
    }
    boolean isLeaf = nodeFeature[node] < 0;
    // a leaf above the bottom: any split, both sides the same leaf
    feature[tree * splits + slot] = isLeaf ? 0 : nodeFeature[node];
    threshold[tree * splits + slot] = isLeaf ? 0 : nodeThreshold[node];
    fill(tree, isLeaf ? node : left[node], 2 * slot + 1, level + 1, nodeFeature, nodeThreshold, left, right);
    fill(tree, isLeaf ? node : right[node], 2 * slot + 2, level + 1, nodeFeature, nodeThreshold, left, right);
  }

  /**
   * Adds each tree's leaf to the sum of each of the first {@code rows} rows (none holding NaN), tree after tree,
   * in float32.
   */
  void addTo(float[] values, int rows, float[] sums) {
    int splits = (1 << depth) - 1;
    for (int t = 0; t < trees; t++) {
      int splitBase = t * splits;
      int leafBase = t * (splits + 1) - splits;
      for (int row = 0, base = 0; row < rows; row++, base += Feature.COUNT) {
        int slot = 0;
        for (int level = 0; level < depth; level++) {
          int at = splitBase + slot;
          slot = 2 * slot + (values[base + feature[at]] < threshold[at] ? 1 : 2);
        }
        sums[row] += leaf[leafBase + slot];
      }
    }
  }
}
