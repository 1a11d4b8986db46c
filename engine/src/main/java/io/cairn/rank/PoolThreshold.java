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
  /** From this many values the threshold is found through a histogram ({@link #byHistogram}). */
  static final int HISTOGRAM_FROM = 512;
  // bucket 0 holds negative infinity, the last one positive infinity, the others the finite values in order
  private static final int BUCKETS = 1024;

  private PoolThreshold() {}

  /**
   * The {@code k}-th largest of {@code values[0..n)} (by {@link Double#compare}), or negative infinity when there
   * are no more than {@code k} values or the answer is NaN (then nothing can be skipped safely).
   * {@code values} may be reordered.
   */
  static double kthLargest(double[] values, int n, int k) {
    if (k <= 0 || n <= k) {
      return Double.NEGATIVE_INFINITY;
    }
    return n >= HISTOGRAM_FROM ? byHistogram(values, n, k) : checked(select(values, n, k));
  }

  /**
   * As {@link #kthLargest}, found without comparing the values with each other: they are counted into buckets of
   * equal width between the smallest and the largest finite one, the buckets summed from the top down to the one
   * holding the {@code k}-th largest, and only that bucket's values are ordered ({@link #select}). A quickselect
   * over all of them branches on every comparison the wrong way about half the time (the bounds come in no order),
   * and under the HTTP load that was 8% of the server's processor time; counting does not branch on the values.
   * Exact: a bucket's values are all at least those of the buckets below it. {@code values} is not changed.
   */
  static double byHistogram(double[] values, int n, int k) {
    if (k <= 0 || n <= k) {
      return Double.NEGATIVE_INFINITY;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int nans = 0;
    for (int i = 0; i < n; i++) {
      double v = values[i];
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      } else if (Double.isNaN(v)) {
        nans++;
      }
    }
    if (nans >= k) {
      return Double.NEGATIVE_INFINITY; // the k-th largest is NaN
    }
    // finite values into buckets 1 .. BUCKETS - 2; a range too wide for a double puts them all in one
    double width = max - min;
    double scale = width > 0 && Double.isFinite(width) ? (BUCKETS - 3) / width : 0;
    int[] counts = new int[BUCKETS];
    for (int i = 0; i < n; i++) {
      double v = values[i];
      if (!Double.isNaN(v)) {
        counts[bucket(v, min, scale)]++;
      }
    }
    int wanted = k - nans; // the wanted-th largest of the numbers
    int above = 0;
    int b = BUCKETS - 1;
    while (above + counts[b] < wanted) {
      above += counts[b--];
    }
    double[] inBucket = new double[counts[b]];
    int m = 0;
    for (int i = 0; i < n; i++) {
      double v = values[i];
      if (!Double.isNaN(v) && bucket(v, min, scale) == b) {
        inBucket[m++] = v;
      }
    }
    return select(inBucket, m, wanted - above);
  }

  /** The bucket of a value that is not NaN: ascending with the value, infinities in the end buckets. */
  private static int bucket(double v, double min, double scale) {
    if (v == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (v == Double.POSITIVE_INFINITY) {
      return BUCKETS - 1;
    }
    return Math.min(BUCKETS - 2, 1 + (int) ((v - min) * scale));
  }

  /** The {@code k}-th largest of {@code values[0..n)} by {@link Double#compare}, {@code 1 <= k <= n}; reorders them. */
  private static double select(double[] values, int n, int k) {
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
        return values[target];
      }
    }
    return values[target];
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
