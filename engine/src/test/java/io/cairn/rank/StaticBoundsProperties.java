package io.cairn.rank;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import java.math.BigDecimal;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The static bounds hold the score {@code coverageWeight * coverage + extra - penalty} between them for every extra
 * from 0 up to its most, whatever the magnitudes, although they are kept as floats: over seeded draws of penalties
 * (some negative) and extras from zero to a million, with point masses at 0 and at values a float cannot hold, and
 * extras at 0, exactly at their most and just below it, the true value (computed exactly, in decimal) lies between
 * the lower bound and the upper one. Every failure message starts with the seed.
 */
class StaticBoundsProperties {
  private static final double[] SCALES = {0, 1e-7, 0.3, 1, 7.1, 1234.5678, 1e6};

  static Stream<Arguments> seeds() {
    return LongStream.range(0, 200).map(i -> 0x5BA7L + i * 6151).mapToObj(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theScoreLiesBetweenTheBoundsForAnyExtraUpToItsMost(long seed) {
    Random random = new Random(seed);
    CatalogSnapshot snapshot = SampleCatalog.snapshot();
    int n = 64;
    double coverageWeight = draw(random);
    double[] extraAtMost = new double[n];
    double[] penalty = new double[n];
    for (int c = 0; c < n; c++) {
      extraAtMost[c] = draw(random);
      penalty[c] = draw(random) * (random.nextInt(8) == 0 ? -1 : 1);
    }
    StaticBounds bounds = StaticBounds.of(snapshot, coverageWeight, extraAtMost, penalty);
    for (int c = 0; c < n; c++) {
      double coverage = draw(random);
      double most = extraAtMost[c];
      for (double extra : new double[] {0, most, Math.nextDown(most), random.nextDouble() * most}) {
        if (!(extra >= 0 && extra <= most)) {
          continue;
        }
        BigDecimal exact = new BigDecimal(coverageWeight).multiply(new BigDecimal(coverage))
            .add(new BigDecimal(extra)).subtract(new BigDecimal(penalty[c]));
        double lower = bounds.lower(c, coverage);
        double upper = bounds.upper(c, coverage);
        String at = "seed=" + seed + " credential " + c + " extra " + extra + " of " + most + " penalty "
            + penalty[c] + " coverage " + coverage + ": ";
        assertTrue(new BigDecimal(lower).compareTo(exact) <= 0, at + "lower " + lower + " above " + exact);
        assertTrue(new BigDecimal(upper).compareTo(exact) >= 0, at + "upper " + upper + " below " + exact);
      }
    }
  }

  private static double draw(Random random) {
    double scale = SCALES[random.nextInt(SCALES.length)];
    return random.nextInt(4) == 0 ? scale : scale * random.nextDouble();
  }
}
