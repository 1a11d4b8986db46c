package io.cairn.gaps.demand;

import java.util.List;

/**
 * The demand gaps of a scope, the most job offers first.
 *
 * @param expensiveAbove the price above which a credential counts as expensive: the 75th percentile of the
 *     catalog's known prices
 * @param skillsConsidered the distinct skills the scope's occupations (and requirements) need as essential
 * @param demandKnown false when no job-offer table was loaded (every jobOffers is then 0, and the order is by
 *     occupations)
 */
public record DemandGapReport(GapScope scope, List<DemandGap> gaps, double expensiveAbove, int skillsConsidered,
    boolean demandKnown) {
  public DemandGapReport {
    gaps = List.copyOf(gaps);
  }
}
