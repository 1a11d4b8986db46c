package io.cairn.plan;

import io.cairn.catalog.Occupation;

/**
 * Job offers per occupation, for the value objective: a plan is worth the offers of the occupations it makes
 * attainable. Figures come from outside the catalog (the labor-market data), joined by the caller.
 */
@FunctionalInterface
public interface JobOffers {

  /** Job offers for {@code occupation}; 0 when unknown. */
  long offers(Occupation occupation);

  /** False for {@link #none()}: then the value objective weighs the goal's own targets only. */
  default boolean known() {
    return true;
  }

  /** No figures. */
  static JobOffers none() {
    return Unknown.INSTANCE;
  }

  /** The figures nobody has. */
  final class Unknown implements JobOffers {
    private static final Unknown INSTANCE = new Unknown();

    private Unknown() {}

    @Override
    public long offers(Occupation occupation) {
      return 0;
    }

    @Override
    public boolean known() {
      return false;
    }
  }
}
