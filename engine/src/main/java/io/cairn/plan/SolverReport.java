package io.cairn.plan;

/**
 * How the exact solver fared on a request.
 *
 * @param candidates credentials in the model after pruning
 * @param solves solver runs (the best plan, alternatives, re-solves after an audit disagreed, diagnoses)
 * @param wallMs time spent in the solver, in milliseconds
 * @param timeLimitMs the solver's time budget for the request
 * @param note why the greedy plan answered, or an empty string
 */
public record SolverReport(Status status, int candidates, int solves, double wallMs, double timeLimitMs, String note) {

  /** What the solver established about the best plan. */
  public enum Status {
    /** Proved optimal. */
    OPTIMAL,
    /** A plan found, not proved optimal within the time limit (see the plan's bound and gap). */
    FEASIBLE,
    /** Proved that no plan reaches the goal under the constraints (the best partial plan is given). */
    INFEASIBLE,
    /** No plan found within the time limit. */
    TIMEOUT,
    /** The native solver could not be loaded on this machine; the greedy planner answered. */
    UNAVAILABLE,
    /** Nothing to solve: the goal is already reached. */
    NOT_NEEDED
  }
}
