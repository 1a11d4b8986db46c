package io.cairn.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency figures from a set of per-operation timings in nanoseconds (nearest-rank percentiles). */
record Stats(int count, double p50Ms, double p90Ms, double p95Ms, double p99Ms, double maxMs, double meanMs) {

  static Stats of(long[] nanos) {
    if (nanos.length == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new Stats(sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)),
        ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]), sum / sorted.length / 1e6);
  }

  /** Nearest-rank percentile of a sorted array. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", count);
    m.put("p50Ms", p50Ms);
    m.put("p90Ms", p90Ms);
    m.put("p95Ms", p95Ms);
    m.put("p99Ms", p99Ms);
    m.put("maxMs", maxMs);
    m.put("meanMs", meanMs);
    return m;
  }
}
