package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;

/**
 * Bounds on a {@link TermScorer}'s score that read nothing of a credential but two floats, for the candidates whose
 * only request-dependent term is their coverage of the goal (no prerequisite stands first, no open requirement is
 * advanced): the score lies between {@code coverageWeight * coverage + low[c]} and {@code ... + high[c]}, widened by
 * a margin far above any rounding difference between the bound's arithmetic and the score's. A credential's two
 * floats sit side by side ({@code lowHigh[2c]}, {@code lowHigh[2c + 1]}): one cache line for both, and those of a
 * million credentials take 8 MiB, which stays in the processor's cache across requests where the facts they stand
 * for (32 MiB) do not.
 *
 * <p>A credential whose terms are not all finite gets bounds that never skip it: its low bound negative infinity,
 * its high one NaN (which {@link Double#compare} puts above every number, as it does a NaN score).
 */
record StaticBounds(CatalogSnapshot snapshot, double coverageWeight, float[] lowHigh) {
  private static final double MARGIN = 1e-9;

  /**
   * The bounds for a score of {@code coverageWeight * coverage + extra - penalty}, where {@code extra} (never
   * negative, at most {@code extraAtMost[c]}) and {@code penalty} are per credential.
   */
  static StaticBounds of(CatalogSnapshot snapshot, double coverageWeight, double[] extraAtMost, double[] penalty) {
    int n = penalty.length;
    float[] lowHigh = new float[2 * n];
    for (int c = 0; c < n; c++) {
      double extra = extraAtMost[c];
      double p = penalty[c];
      if (!Double.isFinite(extra) || !Double.isFinite(p)) {
        lowHigh[2 * c] = Float.NEGATIVE_INFINITY;
        lowHigh[2 * c + 1] = Float.NaN;
        continue;
      }
      double margin = MARGIN * (1 + Math.abs(extra) + Math.abs(p));
      lowHigh[2 * c] = floatAtMost(-p - margin);
      lowHigh[2 * c + 1] = floatAtLeast(extra - p + margin);
    }
    return new StaticBounds(snapshot, coverageWeight, lowHigh);
  }

  /** A number the score of {@code credential} covering {@code coverage} is never below. */
  double lower(int credential, double coverage) {
    double gain = coverageWeight * coverage;
    if (!Double.isFinite(gain)) {
      return Double.NEGATIVE_INFINITY;
    }
    float low = lowHigh[2 * credential];
    double sum = gain + low;
    return Double.isFinite(sum) ? sum - MARGIN * (1 + Math.abs(gain) + Math.abs(low)) : sum;
  }

  /** A number the score of {@code credential} covering {@code coverage} never exceeds. */
  double upper(int credential, double coverage) {
    double gain = coverageWeight * coverage;
    if (!Double.isFinite(gain)) {
      return Double.NaN;
    }
    float high = lowHigh[2 * credential + 1];
    double sum = gain + high;
    return Double.isFinite(sum) ? sum + MARGIN * (1 + Math.abs(gain) + Math.abs(high)) : sum;
  }

  private static float floatAtMost(double x) {
    float f = (float) x;
    return f > x ? Math.nextDown(f) : f;
  }

  private static float floatAtLeast(double x) {
    float f = (float) x;
    return f < x ? Math.nextUp(f) : f;
  }
}
