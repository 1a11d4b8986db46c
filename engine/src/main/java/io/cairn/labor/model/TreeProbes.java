package io.cairn.labor.model;

import io.cairn.labor.features.Feature;
import io.cairn.labor.features.FeatureMatrix;
import java.util.Random;

/**
 * Seeded feature rows that put a tree ensemble's every split to the test: a feature the trees read takes, at
 * random, one of their thresholds exactly, the float just below or just above it, zero, or a value anywhere across
 * their range, so that both branches of the {@code value < threshold} rule are taken where float32 rounding would
 * show. A feature no split reads takes any value (the trees must ignore it).
 */
final class TreeProbes {
  private TreeProbes() {}

  /** {@code rows} probe rows drawn from {@code seed}. */
  static FeatureMatrix around(TreeEnsemble trees, int rows, long seed) {
    Random random = new Random(seed);
    float[][] thresholds = new float[Feature.COUNT][];
    for (int f = 0; f < Feature.COUNT; f++) {
      thresholds[f] = trees.thresholds(f);
    }
    float[] values = new float[rows * Feature.COUNT];
    int[] candidates = new int[rows];
    for (int row = 0; row < rows; row++) {
      candidates[row] = row;
      for (int f = 0; f < Feature.COUNT; f++) {
        values[row * Feature.COUNT + f] = value(thresholds[f], random);
      }
    }
    return new FeatureMatrix(candidates, values);
  }

  private static float value(float[] thresholds, Random random) {
    if (thresholds.length == 0) {
      return (float) (random.nextDouble() * 4 - 1);
    }
    float t = thresholds[random.nextInt(thresholds.length)];
    return switch (random.nextInt(5)) {
      case 0 -> t;
      case 1 -> Math.nextDown(t);
      case 2 -> Math.nextUp(t);
      case 3 -> 0f;
      default -> {
        float low = thresholds[0];
        float high = thresholds[thresholds.length - 1];
        float span = Math.max(1f, high - low);
        yield (float) (low - span / 4 + random.nextDouble() * span * 1.5);
      }
    };
  }
}
