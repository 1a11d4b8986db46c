package io.cairn.labor.eval;

/** A mean with the bounds of its 95% bootstrap interval. */
public record Interval(double mean, double low, double high) {

  /** True when the two intervals share no point. */
  public boolean separateFrom(Interval other) {
    return low > other.high || high < other.low;
  }
}
