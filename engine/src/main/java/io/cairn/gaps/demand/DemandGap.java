package io.cairn.gaps.demand;

import java.util.List;

/**
 * A skill employers need that the catalog does not teach, or teaches only dearly.
 *
 * @param competency the skill
 * @param jobOffers job offers of the scope's occupations that need it as essential
 * @param occupations how many of the scope's occupations need it as essential
 * @param value the skill-value model's value of it for a newcomer in the scope's field; null without a model
 * @param reason why it is a gap
 * @param cheapestCost the lowest known price of a credential teaching it; null when none does (or no price is known)
 * @param taughtBy up to five credentials teaching it, cheapest first
 */
public record DemandGap(int competency, long jobOffers, int occupations, Double value, Reason reason,
    Double cheapestCost, List<Integer> taughtBy) {

  public DemandGap {
    taughtBy = List.copyOf(taughtBy);
  }

  /** Why a skill is a gap. */
  public enum Reason {
    /** No credential of the catalog teaches it (nor a narrower concept). */
    UNTAUGHT("untaught"),
    /** Every credential teaching it with a known price costs more than the catalog's 75th percentile. */
    ONLY_EXPENSIVE("only-expensive");

    private final String apiName;

    Reason(String apiName) {
      this.apiName = apiName;
    }

    public String apiName() {
      return apiName;
    }
  }
}
