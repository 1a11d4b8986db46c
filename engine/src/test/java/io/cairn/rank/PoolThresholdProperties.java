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
 * {@link PoolThreshold#kthLargest} is the {@code k}-th value of the values sorted as {@link Double#compare} sorts
 * them, descending, over seeded arrays full of ties, zeros of both signs and infinities; NaN or too few values give
 * negative infinity (nothing may be skipped). Every failure message starts with the seed.
 */
class PoolThresholdProperties {

  static Stream<Arguments> seeds() {
    return LongStream.range(0, 400).map(i -> 0x5E1EC7L + i * 7919).mapToObj(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void isTheKthLargestInCompareOrder(long seed) {
    Random random = new Random(seed);
    int n = random.nextInt(random.nextBoolean() ? 12 : 600);
    int k = random.nextInt(60);
    double[] palette = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0, 0.0, 1.5, -2};
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
