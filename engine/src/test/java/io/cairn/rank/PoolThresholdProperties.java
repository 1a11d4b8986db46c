package io.cairn.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PoolThreshold#kthLargest}, and its histogram on every array whatever its length
 * ({@link PoolThreshold#byHistogram}), are the {@code k}-th value of the values sorted as {@link Double#compare}
 * sorts them, descending, over seeded arrays full of ties, zeros of both signs, infinities and ranges wider than a
 * double holds; NaN or too few values give negative infinity (nothing may be skipped). Every failure message starts
 * with the seed.
 */
class PoolThresholdProperties {

  static Stream<Arguments> seeds() {
    return LongStream.range(0, 400).map(i -> 0x5E1EC7L + i * 7919).mapToObj(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void isTheKthLargestInCompareOrder(long seed) {
    Random random = new Random(seed);
    // some arrays long enough for the histogram (PoolThreshold.HISTOGRAM_FROM), which is also checked on every one
    int n = random.nextInt(4) == 0 ? random.nextInt(4000) : random.nextInt(random.nextBoolean() ? 12 : 600);
    int k = random.nextInt(random.nextInt(8) == 0 ? 1200 : 60);
    // the largest doubles of both signs: a range of finite values wider than a double holds
    double[] palette = random.nextInt(5) == 0
        ? new double[] {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0, 0.0, 1.5, -2,
            Double.MAX_VALUE, -Double.MAX_VALUE}
        : new double[] {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0, 0.0, 1.5, -2};
    double[] values = new double[n + random.nextInt(5)]; // scratch may be longer than the values
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(6) == 0 ? palette[random.nextInt(palette.length)]
          : random.nextInt(3) == 0 ? random.nextInt(8) / 4.0 : random.nextGaussian();
    }
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted); // Double.compare order, ascending
    double expected = k <= 0 || n <= k ? Double.NEGATIVE_INFINITY : sorted[n - k];
    if (Double.isNaN(expected)) {
      expected = Double.NEGATIVE_INFINITY;
    }
    double[] tail = Arrays.copyOfRange(values, n, values.length);
    double[] untouched = values.clone();
    double counted = PoolThreshold.byHistogram(values, n, k);
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(counted),
        "seed=" + seed + " n=" + n + " k=" + k + ": expected " + expected + ", the histogram found " + counted);
    assertEquals(Arrays.toString(untouched), Arrays.toString(values), "seed=" + seed + ": the histogram changed none");
    double got = PoolThreshold.kthLargest(values, n, k);
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got),
        "seed=" + seed + " n=" + n + " k=" + k + ": expected " + expected + ", got " + got);
    double[] after = Arrays.copyOf(values, n);
    Arrays.sort(after);
    assertEquals(Arrays.toString(sorted), Arrays.toString(after), "seed=" + seed + ": the values were only reordered");
    assertEquals(Arrays.toString(tail), Arrays.toString(Arrays.copyOfRange(values, n, values.length)),
        "seed=" + seed + ": nothing past n was touched");
  }
}
