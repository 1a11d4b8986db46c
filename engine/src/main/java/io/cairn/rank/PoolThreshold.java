package io.cairn.rank;

/**
 * The score a candidate must reach to possibly enter a pool of {@code k}, found before anything is offered: the
 * {@code k}-th largest lower bound. At least {@code k} candidates score at least that much, so a candidate whose
 * upper bound is below it is worse than {@code k} others and is never scored; the pool then sees about {@code k}
 * offers whatever order the candidates come in (in credential order, where later credentials often score higher,
 * nearly every offer replaced the pool's worst).
 *
 * <p>Values are ordered as {@link Double#compare} orders them, as {@link ScorePool} does.
 */
final class PoolThreshold {
  private PoolThreshold() {}

  /**
   * The {@code k}-th largest of {@code values[0..n)} (by {@link Double#compare}), or negative infinity when there
   * are no more than {@code k} values or the answer is NaN (then nothing can be skipped safely).
   * {@code values} is reordered.
   */
  static double kthLargest(double[] values, int n, int k) {
    if (k <= 0 || n <= k) {
      return Double.NEGATIVE_INFINITY;
    }
    int target = k - 1; // the index the answer has in a descending order
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      double pivot = median(values[lo], values[lo + (hi - lo) / 2], values[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (Double.compare(values[i], pivot) > 0) {
          i++;
        }
        while (Double.compare(values[j], pivot) < 0) {
          j--;
        }
        if (i <= j) {
          double t = values[i];
          values[i] = values[j];
          values[j] = t;
          i++;
          j--;
        }
      }
      // now values[lo..j] >= pivot >= values[i..hi], and values[j+1..i-1] equal the pivot
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return checked(values[target]);
      }
    }
    return checked(values[target]);
  }

  private static double checked(double v) {
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }

  private static double median(double a, double b, double c) {
    if (Double.compare(a, b) > 0) {
      double t = a;
      a = b;
      b = t;
    }
    // a <= b
    if (Double.compare(b, c) <= 0) {
      return b;
    }
    return Double.compare(a, c) >= 0 ? a : c;
  }
}
