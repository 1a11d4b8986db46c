package io.cairn.rank;

/**
 * A competency the goal asks for, with how much it matters.
 *
 * @param weight relative value of covering it (demand-weighted for occupations)
 * @param reason why it is a target: {@code essential}, {@code optional}, {@code requested} or {@code requirement}
 */
public record Target(int competency, double weight, String reason) {}
