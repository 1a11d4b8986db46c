package io.cairn.labor.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap over units (test occupations): resample the units with replacement {@code resamples}
 * times and take the 2.5th and 97.5th percentiles of the resampled means. The same seed and values give the same
 * interval; measures compared with the same seed see the same resamples.
 */
public record Bootstrap(int resamples, long seed) {
  public static final Bootstrap DEFAULT = new Bootstrap(1000, 20260101L);

  public Bootstrap {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be at least 1");
    }
  }

  /** The mean of the per-unit values with its 95% interval; an empty input gives (0, 0, 0). */
  public Interval interval(double[] perUnit) {
    int n = perUnit.length;
    if (n == 0) {
      return new Interval(0, 0, 0);
    }
    double mean = Arrays.stream(perUnit).average().orElse(0);
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += perUnit[random.nextInt(n)];
      }
      means[r] = sum / n;
    }
    Arrays.sort(means);
    return new Interval(mean, means[(int) Math.floor(0.025 * (resamples - 1))],
        means[(int) Math.ceil(0.975 * (resamples - 1))]);
  }
}
