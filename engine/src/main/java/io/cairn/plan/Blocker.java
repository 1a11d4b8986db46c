package io.cairn.plan;

import io.cairn.catalog.IntSet;

/**
 * One reason a goal cannot be reached under the request's constraints.
 *
 * @param detail what blocks it, in words that say what to change
 * @param competencies the skills concerned (for {@link Kind#UNTAUGHT} and {@link Kind#RULED_OUT})
 * @param credentials the credentials concerned (for {@link Kind#INCLUDED} and {@link Kind#PREREQUISITES})
 * @param amount how much is missing: the budget shortfall, the hours over the limit, the skills short; else 0
 */
public record Blocker(Kind kind, String detail, IntSet competencies, IntSet credentials, double amount) {

  /** What kind of obstacle. */
  public enum Kind {
    /** No credential in the catalog teaches these skills (or requirement). */
    UNTAUGHT,
    /** Only credentials the constraints or the exclusions rule out teach these skills. */
    RULED_OUT,
    /** The cheapest plan costs more than the budget. */
    BUDGET,
    /** The shortest plan (with its prerequisite chain) needs more hours than allowed. */
    HOURS,
    /** What reaches the goal needs prerequisites that cannot be met. */
    PREREQUISITES,
    /** An included credential cannot be taken under the constraints, or leaves no room for the rest. */
    INCLUDED,
    /** The solver's best fit reaches the destination, but the audit does not agree. */
    AUDIT
  }
}
