package io.cairn.gaps.inflation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The spread of a value across credentials: five percentiles and a histogram of equal-width bins from 0 to the
 * largest value.
 */
public record ValueDistribution(int count, double p10, double p25, double p50, double p75, double p90,
    List<Bin> histogram) {

  /** Values in {@code [from, to)} (the last bin includes {@code to}). */
  public record Bin(double from, double to, int count) {}

  public ValueDistribution {
    histogram = List.copyOf(histogram);
  }

  /** The distribution of {@code values} in {@code bins} bins (nothing when there are no values). */
  public static ValueDistribution of(double[] values, int bins) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return new ValueDistribution(0, 0, 0, 0, 0, 0, List.of());
    }
    double max = sorted[sorted.length - 1];
    int[] counts = new int[bins];
    for (double v : sorted) {
      counts[max <= 0 ? 0 : Math.min(bins - 1, (int) (v / max * bins))]++;
    }
    List<Bin> histogram = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      histogram.add(new Bin(max * b / bins, max * (b + 1) / bins, counts[b]));
    }
    return new ValueDistribution(sorted.length, quantile(sorted, 0.10), quantile(sorted, 0.25),
        quantile(sorted, 0.50), quantile(sorted, 0.75), quantile(sorted, 0.90), histogram);
  }

  /** The {@code q} quantile of sorted values, linearly interpolated between ranks. */
  public static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    double rank = q * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
  }
}
