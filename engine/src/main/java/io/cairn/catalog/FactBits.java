package io.cairn.catalog;

import java.util.Arrays;

/**
 * The credentials grouped by the facts a request's constraints test (delivery mode, credit, EQF level, unknown cost
 * or workload, cost and hours at or above a set of bounds, and whether it has prerequisites), each group a bit set
 * of 64 credentials per word. A request can then count, for the 64 credentials of a word at once, how many break
 * each constraint (an AND and a population count) instead of reading every credential's facts: on a catalog of a
 * million a request touches up to 150,000 credentials, and those reads were most of its time.
 *
 * <p>A cost or hours limit falls between two of the bounds ({@link #costAbove}); the credentials between them are
 * the only ones whose own value must be read. The bounds are quantiles of the catalog's values, so that is about
 * one in {@value #BOUNDS}.
 */
public final class FactBits {
  /** How many bounds cost and hours are grouped at. */
  static final int BOUNDS = 64;
  private static final int EQF_LEVELS = 16;

  private final int words;
  private final long[][] byMode;
  private final long[] notCreditBearing;
  // eqfAbove[l] holds the credentials whose level is above l, for l below 15 (no level is above 15)
  private final long[][] eqfAbove;
  private final long[] costUnknown;
  private final long[] workloadUnknown;
  private final long[] withPrerequisites;
  private final Grouped cost;
  private final Grouped hours;

  FactBits(CredentialFacts facts, int credentials) {
    this.words = (credentials + 63) >>> 6;
    DeliveryMode[] modes = DeliveryMode.values();
    byMode = new long[modes.length][words];
    notCreditBearing = new long[words];
    eqfAbove = new long[EQF_LEVELS - 1][words];
    costUnknown = new long[words];
    workloadUnknown = new long[words];
    withPrerequisites = new long[words];
    double[] costs = new double[credentials];
    double[] hourValues = new double[credentials];
    for (int c = 0; c < credentials; c++) {
      int w = c >>> 6;
      long bit = 1L << c;
      byMode[facts.mode(c).ordinal()][w] |= bit;
      if (!facts.creditBearing(c)) {
        notCreditBearing[w] |= bit;
      }
      for (int level = 0; level < facts.eqfLevel(c) && level < eqfAbove.length; level++) {
        eqfAbove[level][w] |= bit;
      }
      if (!facts.costKnown(c)) {
        costUnknown[w] |= bit;
      }
      if (!facts.workloadKnown(c)) {
        workloadUnknown[w] |= bit;
      }
      if (facts.hasPrerequisites(c)) {
        withPrerequisites[w] |= bit;
      }
      costs[c] = facts.cost(c);
      hourValues[c] = facts.hours(c);
    }
    cost = new Grouped(costs, words);
    hours = new Grouped(hourValues, words);
  }

  /** How many words of 64 credentials the sets hold. */
  public int words() {
    return words;
  }

  /** Word {@code w} of the credentials delivered in mode {@code mode} (its ordinal). */
  public long withMode(int mode, int w) {
    return byMode[mode][w];
  }

  public long notCreditBearing(int w) {
    return notCreditBearing[w];
  }

  /** Word {@code w} of the credentials whose EQF level is above {@code level} (all of them below 0). */
  public long eqfAbove(int level, int w) {
    if (level < 0) {
      return -1L;
    }
    return level >= eqfAbove.length ? 0 : eqfAbove[level][w];
  }

  public long costUnknown(int w) {
    return costUnknown[w];
  }

  public long workloadUnknown(int w) {
    return workloadUnknown[w];
  }

  public long withPrerequisites(int w) {
    return withPrerequisites[w];
  }

  /** The credentials whose cost is above {@code limit}, as certain ones and ones to read (see {@link Above}). */
  public Above costAbove(double limit) {
    return cost.above(limit);
  }

  /** The credentials whose hours are above {@code limit}, as certain ones and ones to read (see {@link Above}). */
  public Above hoursAbove(double limit) {
    return hours.above(limit);
  }

  /**
   * The credentials above a limit, in two parts: {@link #certain} are above it, {@link #unsure} may be (their own
   * value must be compared); the rest are not above it, or have no comparable value (NaN, which no limit is below).
   */
  public record Above(long[] atOrAboveNext, long[] atOrAboveLast) {
    /** Word {@code w} of the credentials certainly above the limit. */
    public long certain(int w) {
      return atOrAboveNext == null ? 0 : atOrAboveNext[w];
    }

    /** Word {@code w} of the credentials that may be above the limit: their value lies between two bounds. */
    public long unsure(int w) {
      long atOrAbove = atOrAboveLast == null ? -1L : atOrAboveLast[w];
      return atOrAbove & ~certain(w);
    }
  }

  /**
   * One fact's values grouped at bounds taken from their own quantiles: {@code atOrAbove[j]} holds the credentials
   * whose value is at least {@code bounds[j]}.
   */
  private static final class Grouped {
    private final double[] bounds;
    private final long[][] atOrAbove;

    Grouped(double[] values, int words) {
      double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
      double[] picked = new double[BOUNDS + 1];
      int n = 0;
      for (int i = 0; i <= BOUNDS && sorted.length > 0; i++) {
        double bound = sorted[Math.min(sorted.length - 1, (int) ((long) i * sorted.length / BOUNDS))];
        if (n == 0 || bound > picked[n - 1]) {
          picked[n++] = bound;
        }
      }
      bounds = Arrays.copyOf(picked, n);
      atOrAbove = new long[n][words];
      for (int c = 0; c < values.length; c++) {
        for (int j = 0; j < n && values[c] >= bounds[j]; j++) {
          atOrAbove[j][c >>> 6] |= 1L << c;
        }
      }
    }

    /**
     * With {@code j} the last bound at or below the limit, values at or above bound {@code j + 1} are above it,
     * values below bound {@code j} are not, and those between must be read.
     */
    Above above(double limit) {
      int j = -1;
      while (j + 1 < bounds.length && bounds[j + 1] <= limit) {
        j++;
      }
      return new Above(j + 1 < bounds.length ? atOrAbove[j + 1] : null, j >= 0 ? atOrAbove[j] : null);
    }
  }
}
