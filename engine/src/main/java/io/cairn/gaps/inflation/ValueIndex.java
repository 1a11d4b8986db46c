package io.cairn.gaps.inflation;

/**
 * What a credential gives for the time and money it asks: the demand-weighted count of the skills it newly
 * teaches, per hour and per unit of cost.
 *
 * <p>A skill's weight is {@code ln(1 + e + o/2)} with {@code e} and {@code o} the job offers of the occupations for
 * which the skill (or a concept broader than it, whichever is highest) is essential and optional; without a job-offer
 * table every skill weighs 1. "Newly" leaves out what a learner must hold before: its prerequisite competencies and
 * what its prerequisite credentials cover.
 *
 * @param value the demand-weighted count of new skills
 * @param perHour value per hour of workload; null when the workload is unknown or 0
 * @param perCost value per unit of its currency, a price under 1 counting as 1 (free credentials are not
 *     infinitely good value); null when the price is unknown
 * @param percentile where {@code perHour} stands among the scope's credentials (0-100, ties at their midpoint);
 *     null with {@code perHour}
 */
public record ValueIndex(double value, Double perHour, Double perCost, Double percentile) {}
