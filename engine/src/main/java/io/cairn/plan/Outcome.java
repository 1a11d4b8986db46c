package io.cairn.plan;

import io.cairn.audit.AuditResult;
import io.cairn.catalog.IntSet;
import java.util.List;
import java.util.Optional;

/**
 * What a set of credentials to buy leads to: the credentials granted through stacking, everything held after, the
 * competencies then held, the totals, and how far the goal is reached.
 *
 * @param granted wholes granted because their parts are complete, in the order they are granted
 * @param has held, bought and granted credentials
 * @param met essential skills (listed competencies, or requirement nodes of the destination reached or nearest
 *     to it) met after the plan
 * @param total how many there are
 * @param value goal value covered after the plan: summed target weights, or satisfied requirement nodes
 * @param audit the pathway audit of {@code has}, for a pathway goal
 * @param destination the id of the destination the plan satisfies (pathway goals), or null
 * @param attained nearby occupations made attainable (value objective with job offers)
 */
record Outcome(
    IntSet bought,
    List<Integer> granted,
    IntSet has,
    IntSet competencies,
    double cost,
    double hours,
    int met,
    int total,
    boolean reaches,
    double value,
    Optional<AuditResult> audit,
    String destination,
    List<Integer> attained,
    long attainedOffers) {

  public Outcome {
    granted = List.copyOf(granted);
    attained = List.copyOf(attained);
  }

  double share() {
    return total == 0 ? 1 : (double) met / total;
  }
}
