package io.cairn.plan;

import java.util.Locale;

/** What a plan optimises. */
public enum Objective {
  /** The cheapest plan that reaches the goal (then the fewest hours). */
  COST,
  /** The plan with the fewest hours of study that reaches the goal (then the cheapest). */
  TIME,
  /**
   * The most goal value within the budget and hours, for goals that cannot be reached in full: job offers of the
   * occupations the plan makes attainable (when job-offer figures are known), then the goal's weighted targets
   * (or requirement nodes) covered, then the lowest cost, then the fewest hours.
   */
  VALUE;

  /** The name used in the API and on the command line. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the valid values when {@code name} is none of them
   */
  public static Objective fromApiName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Objective o : values()) {
      if (o.apiName().equals(wanted)) {
        return o;
      }
    }
    throw new IllegalArgumentException("objective must be cost, time or value, got '" + name + "'");
  }
}
