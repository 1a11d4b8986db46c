package io.cairn.learner;

import io.cairn.catalog.DeliveryMode;
import java.util.EnumSet;
import java.util.Set;

/**
 * Limits on what may be suggested. Absent limits are infinite; an empty mode set allows every mode.
 *
 * @param maxCost most a suggestion may cost (with any prerequisite still to take), in the catalog's currency
 * @param maxHours most hours of study a suggestion may need (with any prerequisite still to take)
 * @param modes delivery modes the learner accepts
 * @param creditBearingOnly only credentials that carry ECTS credit points
 * @param maxEqfLevel highest EQF level the learner wants, 1..8
 */
public record Constraints(
    double maxCost, double maxHours, Set<DeliveryMode> modes, boolean creditBearingOnly, int maxEqfLevel) {

  public Constraints {
    if (Double.isNaN(maxCost) || maxCost < 0) {
      throw new IllegalArgumentException("maxCost must be zero or more");
    }
    if (Double.isNaN(maxHours) || maxHours < 0) {
      throw new IllegalArgumentException("maxHours must be zero or more");
    }
    if (maxEqfLevel < 1 || maxEqfLevel > 8) {
      throw new IllegalArgumentException("maxEqfLevel must be between 1 and 8");
    }
    // an EnumSet: allowsMode runs for every candidate of every request
    modes = modes == null || modes.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(modes));
  }

  /** No limits at all. */
  public static Constraints none() {
    return new Constraints(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Set.of(), false, 8);
  }

  public boolean allowsMode(DeliveryMode mode) {
    return modes.isEmpty() || modes.contains(mode);
  }
}
