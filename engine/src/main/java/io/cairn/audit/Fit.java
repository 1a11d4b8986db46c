package io.cairn.audit;

import java.util.List;
import java.util.Objects;

/**
 * How a destination's holdings were assigned to its requirements, and what a best fit changed compared with the
 * greedy pass.
 *
 * @param method which assignment the destination reports
 * @param optimal true when no assignment could do better (greedy matched the upper bound, or the solver proved
 *     its answer optimal)
 * @param note one sentence for people: how the answer was found, and what it gained over greedy
 * @param reassignments the requirements whose status the best fit changed, with the holdings it moved
 */
public record Fit(Method method, boolean optimal, String note, List<Reassignment> reassignments) {

  /** Which assignment a destination reports. */
  public enum Method {
    /** The greedy pass in declared order (the baseline, or the fallback when the solver cannot run). */
    GREEDY,
    /** The best fit: greedy when nothing beats it, otherwise the solver's assignment. */
    BEST_FIT
  }

  public Fit {
    Objects.requireNonNull(method, "method");
    note = note == null ? "" : note;
    reassignments = List.copyOf(reassignments);
  }

  /** What a destination built without this information reports. */
  static Fit unspecified() {
    return new Fit(Method.GREEDY, false, "", List.of());
  }
}
